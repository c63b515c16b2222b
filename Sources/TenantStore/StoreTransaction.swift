import Foundation
import GRDB
import TenantModel

/// Typed access to the world inside one transaction. The engine never sees SQL or GRDB: it reads
/// and writes model values through these methods. Every query that returns several rows orders them.
public struct StoreTransaction {
    let db: Database
    /// The wall clock a system-clock world reads (injected by the store; `Date()` in production).
    let wallClock: @Sendable () -> Date
    /// Where this transaction notes changes to what the store caches (nil when read-only).
    var changes: TransactionChanges? = nil

    /// One row of `sql` (a cached statement) decoded as `Record`.
    func one<Record: FetchableRecord>(_ sql: String, _ arguments: StatementArguments) throws -> Record? {
        try Record.fetchOne(db.cachedStatement(sql: sql), arguments: arguments)
    }

    /// Every row of `sql` (a cached statement) decoded as `Record`. The SQL says the order.
    func all<Record: FetchableRecord>(_ sql: String, _ arguments: StatementArguments) throws -> [Record] {
        try Record.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
    }

    // MARK: World clock and identifiers

    /// Creates the world row on first use. Returns whether it was created.
    @discardableResult
    public func initializeWorld(seed: UInt64, now: Date?) throws -> Bool {
        if try meta() != nil { return false }
        try WorldMeta(seed: Int64(bitPattern: seed), now: now, systemClock: now == nil).insert(db)
        changes?.markWorldChanged()
        return true
    }

    /// The seed the world was created with.
    public func seed() throws -> UInt64 {
        guard let meta = try meta() else { throw TenantError.internal("world not initialised") }
        return UInt64(bitPattern: meta.seed)
    }

    /// The current instant: the manual clock, or the system time for a system-clock world.
    public func now() throws -> Date {
        guard let meta = try meta() else { throw TenantError.internal("world not initialised") }
        return Self.instant(meta, wallClock: wallClock)
    }

    static func instant(_ meta: WorldMeta, wallClock: () -> Date) -> Date {
        if meta.systemClock { return wallClock().addingTimeInterval(meta.clockOffset) }
        return meta.now ?? wallClock()
    }

    /// Moves the manual clock to `instant`; a system clock gets the offset that makes it read
    /// `instant` now.
    public func setNow(_ instant: Date) throws {
        guard var meta = try meta() else { throw TenantError.internal("world not initialised") }
        if meta.systemClock {
            meta.clockOffset = instant.timeIntervalSince(wallClock())
        } else {
            meta.now = instant
        }
        try meta.update(db)
        changes?.markWorldChanged()
    }

    /// Switches the world to the wall clock (`now == nil`, offset reset) or to a manual clock at `now`.
    public func useClock(now: Date?) throws {
        guard var meta = try meta() else { throw TenantError.internal("world not initialised") }
        meta.systemClock = now == nil
        meta.now = now
        meta.clockOffset = 0
        try meta.update(db)
        changes?.markWorldChanged()
    }

    public func usesSystemClock() throws -> Bool { try meta()?.systemClock ?? false }

    /// The world's consistency profile.
    public func consistency() throws -> ConsistencyProfile {
        ConsistencyProfile(rawValue: try meta()?.consistency ?? "") ?? .immediate
    }

    public func setConsistency(_ profile: ConsistencyProfile) throws {
        guard var meta = try meta() else { throw TenantError.internal("world not initialised") }
        meta.consistency = profile.rawValue
        try meta.update(db)
        changes?.markWorldChanged()
    }

    func meta() throws -> WorldMeta? { try one("SELECT * FROM world_meta WHERE key = 1", []) }

    /// The next counter value of an id kind (0, 1, 2, …), persisted.
    public func nextCounter(_ kind: String) throws -> UInt64 {
        let sql = """
            INSERT INTO id_counter (kind, next) VALUES (?, 1)
            ON CONFLICT (kind) DO UPDATE SET next = next + 1 RETURNING next - 1
            """
        guard let value = try Int64.fetchOne(db.cachedStatement(sql: sql), arguments: [kind]) else {
            throw TenantError.internal("id counter \(kind) not updated")
        }
        return UInt64(value)
    }

    // MARK: Tenants

    public func insert(_ tenant: Tenant) throws {
        try tenant.insert(db)
        changes?.markWorldChanged()
    }

    public func update(_ tenant: Tenant) throws {
        try tenant.update(db)
        changes?.markWorldChanged()
    }
    public func tenant(_ id: TenantID) throws -> Tenant? { try one("SELECT * FROM tenant WHERE id = ?", [id.rawValue]) }

    public func tenants() throws -> [Tenant] { try all("SELECT * FROM tenant ORDER BY id", []) }

    /// The tenant whose initial or verified domains include `domain`.
    public func tenant(owningDomain domain: String) throws -> Tenant? {
        let domain = domain.lowercased()
        if let tenant: Tenant = try one("SELECT * FROM tenant WHERE initialDomain = ?", [domain]) { return tenant }
        return try one(
            "SELECT tenant.* FROM tenant, json_each(tenant.verifiedDomains) WHERE lower(json_each.value) = ? ORDER BY tenant.id LIMIT 1",
            [domain])
    }

    /// A tenant by id or by one of its domains.
    public func tenant(idOrDomain key: String) throws -> Tenant? {
        if let tenant = try tenant(TenantID(key.lowercased())) { return tenant }
        return try tenant(owningDomain: key)
    }

    // MARK: Personal accounts

    public func insert(_ account: PersonalAccount) throws { try account.insert(db) }

    public func personalAccount(email: String) throws -> PersonalAccount? {
        try one("SELECT * FROM personal_account WHERE email = ?", [email.lowercased()])
    }

    public func personalAccount(_ id: PersonalAccountID) throws -> PersonalAccount? {
        try one("SELECT * FROM personal_account WHERE id = ?", [id.rawValue])
    }

    public func personalAccounts() throws -> [PersonalAccount] { try all("SELECT * FROM personal_account ORDER BY id", []) }

    // MARK: Users

    public func insert(_ user: User) throws { try user.insert(db) }
    public func update(_ user: User) throws { try user.update(db) }
    /// A user by object id; ids are GUIDs, matched whatever their letter case (Graph does too).
    public func user(_ id: UserID) throws -> User? { try one("SELECT * FROM user WHERE id = ?", [id.rawValue.lowercased()]) }

    /// A user of `tenant` by object id or UPN.
    public func user(idOrUPN key: String, in tenant: TenantID) throws -> User? {
        if let user = try user(UserID(key)), user.tenantId == tenant { return user }
        return try one("SELECT * FROM user WHERE tenantId = ? AND userPrincipalName = ?", [tenant.rawValue, key])
    }

    /// Users of `tenant` whose mail or UPN equals `address` (case-insensitive).
    public func users(withAddress address: String, in tenant: TenantID) throws -> [User] {
        try all(
            // Two index lookups joined by UNION: SQLite won't use both indexes for
            // `tenantId = ? AND (mail = ? OR upn = ?)` and would scan the tenant instead.
            """
            SELECT * FROM user WHERE rowid IN (
                SELECT rowid FROM user WHERE tenantId = ?1 AND mail = ?2
                UNION SELECT rowid FROM user WHERE tenantId = ?1 AND userPrincipalName = ?2)
            ORDER BY createdDateTime, id
            """,
            [tenant.rawValue, address])
    }

    /// Members (work accounts) anywhere in the world whose mail or UPN equals `address`.
    public func members(withAddress address: String) throws -> [User] {
        try all(
            """
            SELECT * FROM user WHERE userType = 'Member' AND creationType IS NULL AND (mail = ?1 OR userPrincipalName = ?1)
            ORDER BY tenantId, id
            """, [address])
    }

    /// Guests in any tenant whose home account is `homeUserId`.
    public func guests(ofHomeUser homeUserId: UserID) throws -> [User] {
        try all("SELECT * FROM user WHERE homeUserId = ? ORDER BY tenantId, id", [homeUserId.rawValue])
    }

    /// Guests in any tenant linked to a personal account.
    public func guests(ofPersonalAccount id: PersonalAccountID) throws -> [User] {
        try all("SELECT * FROM user WHERE personalAccountId = ? ORDER BY tenantId, id", [id.rawValue])
    }

    /// Every user of `tenant`, oldest first (Graph's listing order is stable; TenantSim's is creation order).
    public func users(in tenant: TenantID) throws -> [User] {
        try all("SELECT * FROM user WHERE tenantId = ? ORDER BY createdDateTime, id", [tenant.rawValue])
    }

    public func userCount(in tenant: TenantID) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM user WHERE tenantId = ?"), arguments: [tenant.rawValue]) ?? 0
    }

    // MARK: Invitations and outbox

    public func insert(_ invitation: Invitation) throws { try invitation.insert(db) }
    public func update(_ invitation: Invitation) throws { try invitation.update(db) }
    public func invitation(_ id: InvitationID) throws -> Invitation? { try one("SELECT * FROM invitation WHERE id = ?", [id.rawValue]) }

    public func invitation(ticket: String) throws -> Invitation? {
        try one("SELECT * FROM invitation WHERE ticket = ?", [ticket])
    }

    /// The newest invitation of a user.
    public func latestInvitation(for userId: UserID) throws -> Invitation? {
        try one(
            "SELECT * FROM invitation WHERE invitedUserId = ? ORDER BY createdDateTime DESC, rowid DESC LIMIT 1", [userId.rawValue])
    }

    public func invitations(in tenant: TenantID) throws -> [Invitation] {
        try all("SELECT * FROM invitation WHERE tenantId = ? ORDER BY createdDateTime, rowid", [tenant.rawValue])
    }

    public func insert(_ message: OutboxMessage) throws { try message.insert(db) }

    /// Outbox messages, optionally only those to `address`, oldest first.
    public func outbox(to address: String? = nil) throws -> [OutboxMessage] {
        if let address { return try all("SELECT * FROM outbox_message WHERE \"to\" = ? ORDER BY createdDateTime, rowid", [address]) }
        return try all("SELECT * FROM outbox_message ORDER BY createdDateTime, rowid", [])
    }

    // MARK: Groups

    public func insert(_ group: Group) throws { try group.insert(db) }
    public func group(_ id: GroupID) throws -> Group? { try one("SELECT * FROM directory_group WHERE id = ?", [id.rawValue]) }

    public func groups(in tenant: TenantID) throws -> [Group] {
        try all("SELECT * FROM directory_group WHERE tenantId = ? ORDER BY createdDateTime, id", [tenant.rawValue])
    }

    public func group(named name: String, in tenant: TenantID) throws -> Group? {
        try one("SELECT * FROM directory_group WHERE tenantId = ? AND displayName = ? ORDER BY id LIMIT 1", [tenant.rawValue, name])
    }

    public func insert(_ membership: GroupMembership) throws { try membership.insert(db) }

    public func insert(_ owner: GroupOwner) throws { try owner.insert(db) }

    /// Removes an owner; returns whether they were one.
    public func delete(owner ownerId: UserID, of groupId: GroupID) throws -> Bool {
        try db.cachedStatement(sql: "DELETE FROM group_owner WHERE groupId = ? AND ownerId = ?").execute(arguments: [
            groupId.rawValue, ownerId.rawValue,
        ])
        return db.changesCount > 0
    }

    /// The owners of a group, by user id.
    public func owners(of groupId: GroupID) throws -> [GroupOwner] {
        try all("SELECT * FROM group_owner WHERE groupId = ? ORDER BY ownerId", [groupId.rawValue])
    }

    public func isOwner(_ userId: UserID, of groupId: GroupID) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM group_owner WHERE groupId = ? AND ownerId = ?)"),
            arguments: [groupId.rawValue, userId.rawValue]) ?? false
    }

    /// Removes a membership; returns whether it existed.
    @discardableResult
    public func delete(membershipOf memberId: String, in groupId: GroupID) throws -> Bool {
        try db.cachedStatement(sql: "DELETE FROM group_membership WHERE groupId = ? AND memberId = ?")
            .execute(arguments: [groupId.rawValue, memberId])
        return db.changesCount > 0
    }

    public func isDirectMember(_ memberId: String, of groupId: GroupID) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM group_membership WHERE groupId = ? AND memberId = ?)"),
            arguments: [groupId.rawValue, memberId]) ?? false
    }

    public func memberships(of groupId: GroupID) throws -> [GroupMembership] {
        try all("SELECT * FROM group_membership WHERE groupId = ? ORDER BY memberId", [groupId.rawValue])
    }

    /// Ids of the groups `memberId` belongs to directly.
    public func groupIds(ofMember memberId: String) throws -> [GroupID] {
        try String.fetchAll(
            db.cachedStatement(sql: "SELECT groupId FROM group_membership WHERE memberId = ? ORDER BY groupId"), arguments: [memberId]
        ).map { GroupID($0) }
    }

    // MARK: Directory roles

    public func insert(_ assignment: DirectoryRoleAssignment) throws { try assignment.insert(db) }

    @discardableResult
    public func delete(roleAssignment id: RoleAssignmentID) throws -> Bool {
        try db.cachedStatement(sql: "DELETE FROM directory_role_assignment WHERE id = ?").execute(arguments: [id.rawValue])
        return db.changesCount > 0
    }

    public func roleAssignment(_ id: RoleAssignmentID) throws -> DirectoryRoleAssignment? {
        try one("SELECT * FROM directory_role_assignment WHERE id = ?", [id.rawValue])
    }

    public func roleAssignments(in tenant: TenantID) throws -> [DirectoryRoleAssignment] {
        try all("SELECT * FROM directory_role_assignment WHERE tenantId = ? ORDER BY id", [tenant.rawValue])
    }

    /// Role template ids `principalId` holds in `tenant`.
    public func roleIds(of principalId: String, in tenant: TenantID) throws -> Set<String> {
        Set(
            try String.fetchAll(
                db.cachedStatement(
                    sql: "SELECT roleDefinitionId FROM directory_role_assignment WHERE tenantId = ? AND principalId = ? ORDER BY id"),
                arguments: [tenant.rawValue, principalId]))
    }

    // MARK: Apps

    public func insert(_ app: AppRegistration) throws { try app.insert(db) }
    public func app(_ id: AppID) throws -> AppRegistration? { try one("SELECT * FROM app_registration WHERE appId = ?", [id.rawValue]) }
    public func apps() throws -> [AppRegistration] { try all("SELECT * FROM app_registration ORDER BY appId", []) }

    public func apps(in tenant: TenantID) throws -> [AppRegistration] {
        try all("SELECT * FROM app_registration WHERE tenantId = ? ORDER BY appId", [tenant.rawValue])
    }

    public func insert(_ secret: ClientSecret) throws { try secret.insert(db) }

    public func secrets(of app: AppID) throws -> [ClientSecret] {
        try all("SELECT * FROM client_secret WHERE appId = ? ORDER BY keyId", [app.rawValue])
    }

    // MARK: Policies

    public func save(_ policy: AuthorizationPolicy) throws { try policy.save(db) }

    public func authorizationPolicy(_ tenant: TenantID) throws -> AuthorizationPolicy? {
        try one("SELECT * FROM authorization_policy WHERE tenantId = ?", [tenant.rawValue])
    }

    public func save(_ restrictions: CollaborationRestrictions) throws { try restrictions.save(db) }

    public func collaborationRestrictions(_ tenant: TenantID) throws -> CollaborationRestrictions? {
        try one("SELECT * FROM collaboration_restrictions WHERE tenantId = ?", [tenant.rawValue])
    }

    public func save(_ policy: CrossTenantAccessDefault) throws { try policy.save(db) }

    public func crossTenantDefault(_ tenant: TenantID) throws -> CrossTenantAccessDefault? {
        try one("SELECT * FROM cross_tenant_default WHERE tenantId = ?", [tenant.rawValue])
    }

    public func save(_ partner: CrossTenantAccessPartner) throws { try partner.save(db) }

    public func partner(_ partnerTenantId: TenantID, of tenant: TenantID) throws -> CrossTenantAccessPartner? {
        try one("SELECT * FROM cross_tenant_partner WHERE tenantId = ? AND partnerTenantId = ?", [tenant.rawValue, partnerTenantId.rawValue])
    }

    public func partners(of tenant: TenantID) throws -> [CrossTenantAccessPartner] {
        try all("SELECT * FROM cross_tenant_partner WHERE tenantId = ? ORDER BY partnerTenantId", [tenant.rawValue])
    }

    @discardableResult
    public func delete(partner partnerTenantId: TenantID, of tenant: TenantID) throws -> Bool {
        try db.cachedStatement(sql: "DELETE FROM cross_tenant_partner WHERE tenantId = ? AND partnerTenantId = ?")
            .execute(arguments: [tenant.rawValue, partnerTenantId.rawValue])
        return db.changesCount > 0
    }

    // MARK: Licences

    public func save(_ sku: SubscribedSku) throws { try sku.save(db) }

    public func sku(_ skuId: String, in tenant: TenantID) throws -> SubscribedSku? {
        try one("SELECT * FROM subscribed_sku WHERE tenantId = ? AND skuId = ?", [tenant.rawValue, skuId.lowercased()])
    }

    public func sku(partNumber: String, in tenant: TenantID) throws -> SubscribedSku? {
        try one("SELECT * FROM subscribed_sku WHERE tenantId = ? AND skuPartNumber = ? ORDER BY skuId LIMIT 1", [tenant.rawValue, partNumber])
    }

    public func skus(in tenant: TenantID) throws -> [SubscribedSku] {
        try all("SELECT * FROM subscribed_sku WHERE tenantId = ? ORDER BY skuPartNumber, skuId", [tenant.rawValue])
    }

    /// Adds `delta` to a SKU's consumed units. The CHECK constraint keeps it non-negative.
    public func addConsumedUnits(_ delta: Int, sku skuId: String, in tenant: TenantID) throws {
        try db.cachedStatement(sql: "UPDATE subscribed_sku SET consumedUnits = consumedUnits + ? WHERE tenantId = ? AND skuId = ?")
            .execute(arguments: [delta, tenant.rawValue, skuId.lowercased()])
    }

    public func insert(_ assignment: LicenseAssignment) throws { try assignment.insert(db) }

    @discardableResult
    public func delete(license skuId: String, of userId: UserID, in tenant: TenantID) throws -> Bool {
        try db.cachedStatement(sql: "DELETE FROM license_assignment WHERE tenantId = ? AND userId = ? AND skuId = ?")
            .execute(arguments: [tenant.rawValue, userId.rawValue, skuId.lowercased()])
        return db.changesCount > 0
    }

    /// Every licence assigned in a tenant, by user, in one query (a user list doesn't ask per user).
    public func licensesByUser(in tenantId: TenantID) throws -> [UserID: [LicenseAssignment]] {
        let rows: [LicenseAssignment] = try all("SELECT * FROM license_assignment WHERE tenantId = ? ORDER BY userId, skuId", [tenantId.rawValue])
        return Dictionary(grouping: rows, by: \.userId)
    }

    /// Licences assigned to a user in its tenant.
    public func licenses(of userId: UserID) throws -> [LicenseAssignment] {
        try all("SELECT * FROM license_assignment WHERE userId = ? ORDER BY skuId", [userId.rawValue])
    }

    // MARK: Journal

    /// Appends an entry; returns it with its sequence number.
    @discardableResult
    public func append(_ entry: JournalEntry) throws -> JournalEntry {
        try entry.insert(db)
        var stored = entry
        stored.sequence = db.lastInsertedRowID
        return stored
    }

    /// Journal entries after `sequence`, in order.
    public func journal(after sequence: Int64 = 0, limit: Int? = nil) throws -> [JournalEntry] {
        try all("SELECT * FROM journal_entry WHERE sequence > ? ORDER BY sequence LIMIT ?", [sequence, limit ?? -1])
    }
}

extension StoreTransaction {
    /// Runs `body` inside a savepoint: anything it throws undoes what it wrote, while the enclosing
    /// transaction stays open (so a denial can still be journaled).
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        var value: T?
        try db.inSavepoint {
            value = try body()
            return .commit
        }
        return value!
    }
}

extension StoreTransaction {
    /// Attempts to delete the journal; the append-only triggers make this fail. Exists so tests can
    /// prove the journal can't be rewritten.
    public func deleteJournalForTesting() throws {
        try db.execute(sql: "DELETE FROM journal_entry")
    }
}
