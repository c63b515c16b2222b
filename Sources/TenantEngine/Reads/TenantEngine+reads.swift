import Foundation
import TenantModel
import TenantRules
import TenantStore

extension TenantEngine {
    /// A tenant by id, domain or key.
    public func tenant(_ key: String) async throws(TenantError) -> Tenant {
        // A tenant id (what every token carries) comes from the store's in-memory cache once warm.
        if UUID(uuidString: key) != nil, let cached = try await Self.guarded({ try await store.tenant(id: TenantID(key.lowercased())) }) {
            return cached
        }
        let found = try await read { tx in try TenantResolver.resolve(key, tx: tx) }
        guard let found else { throw .notFound(key) }
        return found
    }

    public func tenants() async throws(TenantError) -> [Tenant] { try await read { tx in try tx.tenants() } }

    /// A user of `tenantId` by id or UPN (deleted users are not found).
    public func user(_ key: String, in tenantId: TenantID) async throws(TenantError) -> User {
        let found = try await read { tx in try tx.user(idOrUPN: key, in: tenantId) }
        guard let found, !found.isDeleted else { throw .notFound(key) }
        return found
    }

    /// A user anywhere in the world by object id.
    public func user(id: UserID) async throws(TenantError) -> User? { try await read { tx in try tx.user(id) } }

    /// Users of a tenant in creation order (deleted users left out).
    public func users(in tenantId: TenantID) async throws(TenantError) -> [User] {
        try await read { tx in try tx.users(in: tenantId).filter { !$0.isDeleted } }
    }

    /// The user of `tenantId` known by `address` (mail or UPN), e.g. a guest by invited email.
    public func user(withAddress address: String, in tenantId: TenantID) async throws(TenantError) -> User? {
        try await read { tx in try tx.users(withAddress: address.lowercased(), in: tenantId).first { !$0.isDeleted } }
    }

    /// Every licence assigned in `tenantId`, by user: one read for a whole user list.
    public func licensesByUser(in tenantId: TenantID) async throws(TenantError) -> [UserID: [LicenseAssignment]] {
        try await read { tx in try tx.licensesByUser(in: tenantId) }
    }

    public func licenses(of userId: UserID) async throws(TenantError) -> [LicenseAssignment] {
        try await read { tx in try tx.licenses(of: userId) }
    }

    public func skus(in tenantId: TenantID) async throws(TenantError) -> [SubscribedSku] {
        try await read { tx in try tx.skus(in: tenantId) }
    }

    public func sku(_ skuIdOrPartNumber: String, in tenantId: TenantID) async throws(TenantError) -> SubscribedSku? {
        try await read { tx in try tx.sku(skuIdOrPartNumber, in: tenantId) ?? tx.sku(partNumber: skuIdOrPartNumber, in: tenantId) }
    }

    public func groups(in tenantId: TenantID) async throws(TenantError) -> [Group] { try await read { tx in try tx.groups(in: tenantId) } }

    public func group(_ id: GroupID) async throws(TenantError) -> Group? { try await read { tx in try tx.group(id) } }

    public func group(named name: String, in tenantId: TenantID) async throws(TenantError) -> Group? {
        try await read { tx in try tx.group(named: name, in: tenantId) }
    }

    public func memberships(of groupId: GroupID) async throws(TenantError) -> [GroupMembership] {
        try await read { tx in try tx.memberships(of: groupId) }
    }

    public func groupIds(ofMember memberId: String) async throws(TenantError) -> [GroupID] {
        try await read { tx in try tx.groupIds(ofMember: memberId) }
    }

    /// The groups `memberId` belongs to directly, then through nested groups (breadth first, each
    /// once), as Graph's transitive membership counts them; in one read.
    public func groupIds(ofMember memberId: String, transitive: Bool) async throws(TenantError) -> [GroupID] {
        try await read { tx in
            var found: [GroupID] = []
            var seen: Set<GroupID> = []
            var pending = try tx.groupIds(ofMember: memberId)
            while !pending.isEmpty {
                let next = pending.removeFirst()
                guard seen.insert(next).inserted else { continue }
                found.append(next)
                if transitive { pending += try tx.groupIds(ofMember: next.rawValue) }
            }
            return found
        }
    }

    public func roleAssignments(in tenantId: TenantID) async throws(TenantError) -> [DirectoryRoleAssignment] {
        try await read { tx in try tx.roleAssignments(in: tenantId) }
    }

    public func authorizationPolicy(of tenantId: TenantID) async throws(TenantError) -> AuthorizationPolicy {
        try await read { tx in
            guard let tenant = try tx.tenant(tenantId) else { throw TenantError.notFound(tenantId.rawValue) }
            return try tx.authorizationPolicy(tenantId) ?? .defaults(tenantId: tenantId, cloud: tenant.cloud)
        }
    }

    public func collaborationRestrictions(of tenantId: TenantID) async throws(TenantError) -> CollaborationRestrictions {
        try await read { tx in try tx.collaborationRestrictions(tenantId) ?? CollaborationRestrictions(tenantId: tenantId) }
    }

    public func crossTenantDefault(of tenantId: TenantID) async throws(TenantError) -> CrossTenantAccessDefault {
        try await read { tx in try tx.crossTenantDefault(tenantId) ?? CrossTenantAccessDefault(tenantId: tenantId) }
    }

    public func crossTenantPartners(of tenantId: TenantID) async throws(TenantError) -> [CrossTenantAccessPartner] {
        try await read { tx in try tx.partners(of: tenantId) }
    }

    public func crossTenantPartner(_ partnerId: TenantID, of tenantId: TenantID) async throws(TenantError) -> CrossTenantAccessPartner? {
        try await read { tx in try tx.partner(partnerId, of: tenantId) }
    }

    public func invitations(in tenantId: TenantID) async throws(TenantError) -> [Invitation] {
        try await read { tx in try tx.invitations(in: tenantId) }
    }

    public func latestInvitation(for userId: UserID) async throws(TenantError) -> Invitation? {
        try await read { tx in try tx.latestInvitation(for: userId) }
    }

    public func outbox(to address: String? = nil) async throws(TenantError) -> [OutboxMessage] {
        try await read { tx in try tx.outbox(to: address?.lowercased()) }
    }

    public func journal(after sequence: Int64 = 0, limit: Int? = nil) async throws(TenantError) -> [JournalEntry] {
        try await read { tx in try tx.journal(after: sequence, limit: limit) }
    }

    public func apps(in tenantId: TenantID? = nil) async throws(TenantError) -> [AppRegistration] {
        try await read { tx in try tenantId.map { try tx.apps(in: $0) } ?? tx.apps() }
    }

    public func app(_ appId: AppID) async throws(TenantError) -> AppRegistration? { try await read { tx in try tx.app(appId) } }

    public func secrets(of appId: AppID) async throws(TenantError) -> [ClientSecret] {
        try await read { tx in try tx.secrets(of: appId) }
    }

    /// The personal Microsoft account with this address, if the world has one.
    public func personalAccount(email: String) async throws(TenantError) -> PersonalAccount? {
        try await read { tx in try tx.personalAccount(email: email) }
    }

    public func personalAccounts() async throws(TenantError) -> [PersonalAccount] {
        try await read { tx in try tx.personalAccounts() }
    }

    /// Decides whether `caller` may call an endpoint guarded only by permissions (reads); throws
    /// the `graph.permission.missing` denial when not.
    public func authorizeEndpoint(_ requirement: PermissionRequirement, caller: Caller, in tenantId: TenantID) async throws(TenantError) {
        let denial: TenantError? = try await read { tx in
            let scope = OperationScope(tx: tx, now: try tx.now(), ids: self.environment.ids, caller: caller, tenantId: tenantId)
            let facts = try scope.callerFacts(in: tenantId)
            return OperationRules.endpoint.decide(EndpointContext(caller: facts, permission: requirement)).error
        }
        if let denial { throw denial }
    }
}
