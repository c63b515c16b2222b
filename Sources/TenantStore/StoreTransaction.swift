import Foundation
import GRDB
import TenantModel

/// Typed access to the world inside one transaction. The engine never sees SQL or GRDB: it reads
/// and writes model values through these methods. Every query that returns several rows orders them.
public struct StoreTransaction {
    let db: Database

    // MARK: World clock and identifiers

    /// Creates the world row on first use. Returns whether it was created.
    @discardableResult
    public func initializeWorld(seed: UInt64, now: Date?) throws -> Bool {
        if try WorldMeta.fetchOne(db, key: 1) != nil { return false }
        try WorldMeta(seed: Int64(bitPattern: seed), now: now, systemClock: now == nil).insert(db)
        return true
    }

    /// The seed the world was created with.
    public func seed() throws -> UInt64 {
        guard let meta = try WorldMeta.fetchOne(db, key: 1) else { throw TenantError.internal("world not initialised") }
        return UInt64(bitPattern: meta.seed)
    }

    /// The current instant: the manual clock, or the system time for a system-clock world.
    public func now() throws -> Date {
        guard let meta = try WorldMeta.fetchOne(db, key: 1) else { throw TenantError.internal("world not initialised") }
        return meta.now ?? Date()
    }

    /// Moves the manual clock to `instant`. A system-clock world can't be moved.
    public func setNow(_ instant: Date) throws {
        guard var meta = try WorldMeta.fetchOne(db, key: 1) else { throw TenantError.internal("world not initialised") }
        guard !meta.systemClock else { throw TenantError.badRequest("This world uses the system clock; it can't be moved.") }
        meta.now = instant
        try meta.update(db)
    }

    public func usesSystemClock() throws -> Bool { try WorldMeta.fetchOne(db, key: 1)?.systemClock ?? false }

    /// The next counter value of an id kind (0, 1, 2, …), persisted.
    public func nextCounter(_ kind: String) throws -> UInt64 {
        var counter = try IDCounter.fetchOne(db, key: kind) ?? IDCounter(kind: kind, next: 0)
        let value = counter.next
        counter.next += 1
        try counter.save(db)
        return UInt64(value)
    }

    // MARK: Tenants

    public func insert(_ tenant: Tenant) throws { try tenant.insert(db) }
    public func update(_ tenant: Tenant) throws { try tenant.update(db) }
    public func tenant(_ id: TenantID) throws -> Tenant? { try Tenant.fetchOne(db, key: id.rawValue) }

    public func tenants() throws -> [Tenant] { try Tenant.order(Column("id")).fetchAll(db) }

    /// The tenant whose initial or verified domains include `domain`.
    public func tenant(owningDomain domain: String) throws -> Tenant? {
        let domain = domain.lowercased()
        if let tenant = try Tenant.filter(Column("initialDomain") == domain).fetchOne(db) { return tenant }
        return try Tenant.fetchAll(
            db,
            sql: "SELECT tenant.* FROM tenant, json_each(tenant.verifiedDomains) WHERE lower(json_each.value) = ? ORDER BY tenant.id LIMIT 1",
            arguments: [domain]
        ).first
    }

    /// A tenant by id or by one of its domains.
    public func tenant(idOrDomain key: String) throws -> Tenant? {
        if let tenant = try tenant(TenantID(key.lowercased())) { return tenant }
        return try tenant(owningDomain: key)
    }

    // MARK: Personal accounts

    public func insert(_ account: PersonalAccount) throws { try account.insert(db) }

    public func personalAccount(email: String) throws -> PersonalAccount? {
        try PersonalAccount.filter(Column("email") == email.lowercased()).fetchOne(db)
    }

    public func personalAccount(_ id: PersonalAccountID) throws -> PersonalAccount? {
        try PersonalAccount.fetchOne(db, key: id.rawValue)
    }

    public func personalAccounts() throws -> [PersonalAccount] { try PersonalAccount.order(Column("id")).fetchAll(db) }

    // MARK: Users

    public func insert(_ user: User) throws { try user.insert(db) }
    public func update(_ user: User) throws { try user.update(db) }
    public func user(_ id: UserID) throws -> User? { try User.fetchOne(db, key: id.rawValue) }

    /// A user of `tenant` by object id or UPN.
    public func user(idOrUPN key: String, in tenant: TenantID) throws -> User? {
        if let user = try User.fetchOne(db, key: key), user.tenantId == tenant { return user }
        return try User.filter(Column("tenantId") == tenant.rawValue && Column("userPrincipalName") == key).fetchOne(db)
    }

    /// Users of `tenant` whose mail or UPN equals `address` (case-insensitive).
    public func users(withAddress address: String, in tenant: TenantID) throws -> [User] {
        try User.filter(
            Column("tenantId") == tenant.rawValue && (Column("mail") == address || Column("userPrincipalName") == address)
        ).order(Column("createdDateTime"), Column("id")).fetchAll(db)
    }

    /// Members (work accounts) anywhere in the world whose mail or UPN equals `address`.
    public func members(withAddress address: String) throws -> [User] {
        try User.filter(
            Column("userType") == UserType.member.rawValue && Column("creationType") == nil
                && (Column("mail") == address || Column("userPrincipalName") == address)
        ).order(Column("tenantId"), Column("id")).fetchAll(db)
    }

    /// Guests in any tenant whose home account is `homeUserId`.
    public func guests(ofHomeUser homeUserId: UserID) throws -> [User] {
        try User.filter(Column("homeUserId") == homeUserId.rawValue).order(Column("tenantId"), Column("id")).fetchAll(db)
    }

    /// Guests in any tenant linked to a personal account.
    public func guests(ofPersonalAccount id: PersonalAccountID) throws -> [User] {
        try User.filter(Column("personalAccountId") == id.rawValue).order(Column("tenantId"), Column("id")).fetchAll(db)
    }

    /// Every user of `tenant`, oldest first (Graph's listing order is stable; TenantSim's is creation order).
    public func users(in tenant: TenantID) throws -> [User] {
        try User.filter(Column("tenantId") == tenant.rawValue).order(Column("createdDateTime"), Column("id")).fetchAll(db)
    }

    public func userCount(in tenant: TenantID) throws -> Int {
        try User.filter(Column("tenantId") == tenant.rawValue).fetchCount(db)
    }

    // MARK: Invitations and outbox

    public func insert(_ invitation: Invitation) throws { try invitation.insert(db) }
    public func update(_ invitation: Invitation) throws { try invitation.update(db) }
    public func invitation(_ id: InvitationID) throws -> Invitation? { try Invitation.fetchOne(db, key: id.rawValue) }

    public func invitation(ticket: String) throws -> Invitation? {
        try Invitation.filter(Column("ticket") == ticket).fetchOne(db)
    }

    /// The newest invitation of a user.
    public func latestInvitation(for userId: UserID) throws -> Invitation? {
        try Invitation.filter(Column("invitedUserId") == userId.rawValue)
            .order(Column("createdDateTime").desc, Column("id").desc).fetchOne(db)
    }

    public func invitations(in tenant: TenantID) throws -> [Invitation] {
        try Invitation.filter(Column("tenantId") == tenant.rawValue).order(Column("createdDateTime"), Column("id")).fetchAll(db)
    }

    public func insert(_ message: OutboxMessage) throws { try message.insert(db) }

    /// Outbox messages, optionally only those to `address`, oldest first.
    public func outbox(to address: String? = nil) throws -> [OutboxMessage] {
        var request = OutboxMessage.all()
        if let address { request = request.filter(Column("to") == address) }
        return try request.order(Column("createdDateTime"), Column("id")).fetchAll(db)
    }

    // MARK: Groups

    public func insert(_ group: Group) throws { try group.insert(db) }
    public func group(_ id: GroupID) throws -> Group? { try Group.fetchOne(db, key: id.rawValue) }

    public func groups(in tenant: TenantID) throws -> [Group] {
        try Group.filter(Column("tenantId") == tenant.rawValue).order(Column("createdDateTime"), Column("id")).fetchAll(db)
    }

    public func group(named name: String, in tenant: TenantID) throws -> Group? {
        try Group.filter(Column("tenantId") == tenant.rawValue && Column("displayName") == name).order(Column("id")).fetchOne(db)
    }

    public func insert(_ membership: GroupMembership) throws { try membership.insert(db) }

    /// Removes a membership; returns whether it existed.
    @discardableResult
    public func delete(membershipOf memberId: String, in groupId: GroupID) throws -> Bool {
        try GroupMembership.deleteOne(db, key: ["groupId": groupId.rawValue, "memberId": memberId])
    }

    public func isDirectMember(_ memberId: String, of groupId: GroupID) throws -> Bool {
        try GroupMembership.exists(db, key: ["groupId": groupId.rawValue, "memberId": memberId])
    }

    public func memberships(of groupId: GroupID) throws -> [GroupMembership] {
        try GroupMembership.filter(Column("groupId") == groupId.rawValue).order(Column("memberId")).fetchAll(db)
    }

    /// Ids of the groups `memberId` belongs to directly.
    public func groupIds(ofMember memberId: String) throws -> [GroupID] {
        try GroupMembership.filter(Column("memberId") == memberId).order(Column("groupId")).fetchAll(db).map(\.groupId)
    }

    // MARK: Directory roles

    public func insert(_ assignment: DirectoryRoleAssignment) throws { try assignment.insert(db) }

    @discardableResult
    public func delete(roleAssignment id: RoleAssignmentID) throws -> Bool {
        try DirectoryRoleAssignment.deleteOne(db, key: id.rawValue)
    }

    public func roleAssignment(_ id: RoleAssignmentID) throws -> DirectoryRoleAssignment? {
        try DirectoryRoleAssignment.fetchOne(db, key: id.rawValue)
    }

    public func roleAssignments(in tenant: TenantID) throws -> [DirectoryRoleAssignment] {
        try DirectoryRoleAssignment.filter(Column("tenantId") == tenant.rawValue).order(Column("id")).fetchAll(db)
    }

    /// Role template ids `principalId` holds in `tenant`.
    public func roleIds(of principalId: String, in tenant: TenantID) throws -> Set<String> {
        Set(
            try DirectoryRoleAssignment.filter(Column("tenantId") == tenant.rawValue && Column("principalId") == principalId)
                .order(Column("id")).fetchAll(db).map(\.roleDefinitionId))
    }

    // MARK: Apps

    public func insert(_ app: AppRegistration) throws { try app.insert(db) }
    public func app(_ id: AppID) throws -> AppRegistration? { try AppRegistration.fetchOne(db, key: id.rawValue) }
    public func apps() throws -> [AppRegistration] { try AppRegistration.order(Column("appId")).fetchAll(db) }

    public func apps(in tenant: TenantID) throws -> [AppRegistration] {
        try AppRegistration.filter(Column("tenantId") == tenant.rawValue).order(Column("appId")).fetchAll(db)
    }

    public func insert(_ secret: ClientSecret) throws { try secret.insert(db) }

    public func secrets(of app: AppID) throws -> [ClientSecret] {
        try ClientSecret.filter(Column("appId") == app.rawValue).order(Column("keyId")).fetchAll(db)
    }

    // MARK: Policies

    public func save(_ policy: AuthorizationPolicy) throws { try policy.save(db) }

    public func authorizationPolicy(_ tenant: TenantID) throws -> AuthorizationPolicy? {
        try AuthorizationPolicy.fetchOne(db, key: tenant.rawValue)
    }

    public func save(_ restrictions: CollaborationRestrictions) throws { try restrictions.save(db) }

    public func collaborationRestrictions(_ tenant: TenantID) throws -> CollaborationRestrictions? {
        try CollaborationRestrictions.fetchOne(db, key: tenant.rawValue)
    }

    public func save(_ policy: CrossTenantAccessDefault) throws { try policy.save(db) }

    public func crossTenantDefault(_ tenant: TenantID) throws -> CrossTenantAccessDefault? {
        try CrossTenantAccessDefault.fetchOne(db, key: tenant.rawValue)
    }

    public func save(_ partner: CrossTenantAccessPartner) throws { try partner.save(db) }

    public func partner(_ partnerTenantId: TenantID, of tenant: TenantID) throws -> CrossTenantAccessPartner? {
        try CrossTenantAccessPartner.fetchOne(db, key: ["tenantId": tenant.rawValue, "partnerTenantId": partnerTenantId.rawValue])
    }

    public func partners(of tenant: TenantID) throws -> [CrossTenantAccessPartner] {
        try CrossTenantAccessPartner.filter(Column("tenantId") == tenant.rawValue).order(Column("partnerTenantId")).fetchAll(db)
    }

    @discardableResult
    public func delete(partner partnerTenantId: TenantID, of tenant: TenantID) throws -> Bool {
        try CrossTenantAccessPartner.deleteOne(db, key: ["tenantId": tenant.rawValue, "partnerTenantId": partnerTenantId.rawValue])
    }

    // MARK: Licences

    public func save(_ sku: SubscribedSku) throws { try sku.save(db) }

    public func sku(_ skuId: String, in tenant: TenantID) throws -> SubscribedSku? {
        try SubscribedSku.fetchOne(db, key: ["tenantId": tenant.rawValue, "skuId": skuId.lowercased()])
    }

    public func sku(partNumber: String, in tenant: TenantID) throws -> SubscribedSku? {
        try SubscribedSku.filter(Column("tenantId") == tenant.rawValue && Column("skuPartNumber") == partNumber).fetchOne(db)
    }

    public func skus(in tenant: TenantID) throws -> [SubscribedSku] {
        try SubscribedSku.filter(Column("tenantId") == tenant.rawValue).order(Column("skuPartNumber"), Column("skuId")).fetchAll(db)
    }

    /// Adds `delta` to a SKU's consumed units. The CHECK constraint keeps it non-negative.
    public func addConsumedUnits(_ delta: Int, sku skuId: String, in tenant: TenantID) throws {
        try db.execute(
            sql: "UPDATE subscribed_sku SET consumedUnits = consumedUnits + ? WHERE tenantId = ? AND skuId = ?",
            arguments: [delta, tenant.rawValue, skuId.lowercased()])
    }

    public func insert(_ assignment: LicenseAssignment) throws { try assignment.insert(db) }

    @discardableResult
    public func delete(license skuId: String, of userId: UserID, in tenant: TenantID) throws -> Bool {
        try LicenseAssignment.deleteOne(
            db, key: ["tenantId": tenant.rawValue, "userId": userId.rawValue, "skuId": skuId.lowercased()])
    }

    /// Licences assigned to a user in its tenant.
    public func licenses(of userId: UserID) throws -> [LicenseAssignment] {
        try LicenseAssignment.filter(Column("userId") == userId.rawValue).order(Column("skuId")).fetchAll(db)
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
        var request = JournalEntry.filter(Column("sequence") > sequence).order(Column("sequence"))
        if let limit { request = request.limit(limit) }
        return try request.fetchAll(db)
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
