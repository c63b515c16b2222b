import Foundation
import TenantModel
import TenantRules
import TenantStore

/// What one operation sees inside its transaction: the store, the instant it happens at, id
/// generation, the caller, and the journal fields it fills in as it goes.
final class OperationScope {
    let tx: StoreTransaction
    let now: Date
    let ids: DeterministicIDGenerator
    let caller: Caller
    var tenantId: TenantID?
    /// What the journal names as the operation's target.
    var target: String?
    /// A short note for the journal.
    var detail: String?
    /// Users whose access may have changed; re-synced to Dataverse after a successful operation.
    var touchedUsers: Set<UserID> = []
    /// Changes that stand even when the operation is then denied (Dataverse's first-access add of a
    /// user who turns out to lack a security role): re-applied after the denial rolls back the body.
    var keptOnDenial: [() throws -> Void] = []
    /// Notes on setting changes that haven't taken effect yet but were read by this operation's
    /// rules (realistic profile); a denial carries them in its explanation.
    var staleSettings: [String] = []

    init(tx: StoreTransaction, now: Date, ids: DeterministicIDGenerator, caller: Caller, tenantId: TenantID?) {
        self.tx = tx
        self.now = now
        self.ids = ids
        self.caller = caller
        self.tenantId = tenantId
    }

    /// A new GUID of `kind`, from the seed and the kind's persisted counter.
    func newID<Kind: IDKind>(_: Kind.Type = Kind.self) throws -> TypedID<Kind> {
        while true {
            let id = TypedID<Kind>(ids.guid(kind: Kind.name, counter: try tx.nextCounter(Kind.name)))
            if try !isTaken(Kind.name, id.rawValue) { return id }
        }
    }

    /// Whether an object of `kind` already has `id`: an imported or exported fixture keeps its
    /// objects' ids, which another world with the same seed may generate too.
    func isTaken(_ kind: String, _ id: String) throws -> Bool {
        switch kind {
        case UserKind.name: try tx.user(UserID(id)) != nil
        case GroupKind.name: try tx.group(GroupID(id)) != nil
        case TenantKind.name: try tx.tenant(TenantID(id)) != nil
        case ApplicationKind.name: try tx.app(AppID(id)) != nil
        case EnvironmentKind.name: try tx.environment(EnvironmentID(id)) != nil
        case TeamKind.name: try tx.team(TeamID(id)) != nil
        default: false
        }
    }

    /// A new GUID string for an arbitrary kind.
    func newGUID(_ kind: String) throws -> String { ids.guid(kind: kind, counter: try tx.nextCounter(kind)) }

    /// A new opaque token (tickets, secrets).
    func newToken(_ kind: String, length: Int = 32) throws -> String {
        ids.token(kind: kind, counter: try tx.nextCounter(kind), length: length)
    }

    /// Throws the decision's error when it forbids.
    func enforce(_ decision: Decision) throws {
        guard var error = decision.error else { return }
        if !staleSettings.isEmpty { error.explanation = ([error.explanation ?? ""] + staleSettings).joined(separator: " ") }
        throw error
    }

    /// Work done after the body succeeds, inside the same transaction: re-syncing Dataverse users.
    func afterSuccess() throws {
        if !touchedUsers.isEmpty { try DataverseSync.run(self) }
    }

    func journalEntry(operation: TenantOperation, outcome: JournalEntry.Outcome, ruleIds: [String], requestId: String?) -> JournalEntry {
        JournalEntry(
            time: now, actor: caller.principalId, tenantId: tenantId ?? caller.tenantId, operation: operation.rawValue, target: target,
            outcome: outcome, ruleIds: ruleIds, requestId: requestId, detail: detail)
    }

    // MARK: Common loads

    func requireTenant(_ id: TenantID) throws -> Tenant {
        guard let tenant = try tx.tenant(id) else { throw TenantError.notFound(id.rawValue) }
        return tenant
    }

    /// A user of `tenant` by id or UPN, or Graph's 404.
    func requireUser(_ key: String, in tenant: TenantID) throws -> User {
        guard let user = try tx.user(idOrUPN: key, in: tenant), !user.isDeleted else { throw TenantError.notFound(key) }
        return user
    }

    /// The caller's facts in `tenant`: permissions from the token, roles from the directory.
    func callerFacts(in tenant: TenantID) throws -> CallerFacts {
        switch caller {
        case .system:
            return .system
        case .application(let appId, let appTenant, let permissions):
            guard appTenant == tenant else { throw TenantError.wrongTenant(callerTenant: appTenant, target: tenant) }
            let app = try tx.app(appId)
            return CallerFacts(
                kind: .application, id: appId.rawValue, name: app?.displayName ?? appId.rawValue, permissions: permissions,
                roleIds: try tx.roleIds(of: appId.rawValue, in: tenant), powerPlatformManagementApp: app?.powerPlatformManagementApp ?? false)
        case .user(let userId, let userTenant, let scopes):
            guard userTenant == tenant else { throw TenantError.wrongTenant(callerTenant: userTenant, target: tenant) }
            guard let user = try tx.user(userId), user.tenantId == tenant, !user.isDeleted else {
                throw TenantError.notFound(userId.rawValue)
            }
            return CallerFacts(
                kind: .user, id: userId.rawValue, name: user.label, permissions: scopes,
                roleIds: try tx.roleIds(of: userId.rawValue, in: tenant), userType: user.userType)
        }
    }

    /// The resource tenant's view toward `partner` (partner entry, else default).
    func crossTenantView(of tenant: Tenant, toward partner: TenantID) throws -> CrossTenantView {
        let policy = try tx.crossTenantDefault(tenant.id) ?? CrossTenantAccessDefault(tenantId: tenant.id)
        return CrossTenantView(tenant: tenant, partnerTenantId: partner, policy: policy, partner: try tx.partner(partner, of: tenant.id))
    }

    /// The tenant's authorization policy as the rules see it: a change that hasn't taken effect
    /// yet (realistic profile) still shows its previous value.
    func authorizationPolicy(_ tenant: Tenant) throws -> AuthorizationPolicy {
        var policy = try storedAuthorizationPolicy(tenant)
        if let previous = try SettingPropagation.previousValue(.allowInvitesFrom, of: tenant, scope: self),
            let value = AllowInvitesFrom(rawValue: previous)
        {
            policy.allowInvitesFrom = value
        }
        if let previous = try SettingPropagation.previousValue(.guestUserRoleId, of: tenant, scope: self) { policy.guestUserRoleId = previous }
        return policy
    }

    /// The authorization policy as stored (what Graph's GET shows).
    func storedAuthorizationPolicy(_ tenant: Tenant) throws -> AuthorizationPolicy {
        try tx.authorizationPolicy(tenant.id) ?? .defaults(tenantId: tenant.id, cloud: tenant.cloud)
    }

    func collaborationRestrictions(_ tenant: TenantID) throws -> CollaborationRestrictions {
        try tx.collaborationRestrictions(tenant) ?? CollaborationRestrictions(tenantId: tenant)
    }

    /// What the world knows about an external address's home: the tenant owning its domain (other
    /// than `resource`), the member account there, its groups and the home's view toward `resource`.
    func externalHome(of address: String, resource: Tenant) throws -> ExternalHome? {
        guard let domain = EmailAddress.domain(of: address), let home = try tx.tenant(owningDomain: domain), home.id != resource.id
        else { return nil }
        let user = try tx.members(withAddress: address).first { $0.tenantId == home.id && !$0.isDeleted }
        let groups = try user.map { try tx.groupIds(ofMember: $0.id.rawValue).map(\.rawValue) } ?? []
        return ExternalHome(
            tenant: home, user: user, groupIds: Set(groups), outbound: try crossTenantView(of: home, toward: resource.id),
            authorizationPolicy: try authorizationPolicy(home))
    }
}

extension TenantError {
    /// A token or session of one tenant used against another.
    static func wrongTenant(callerTenant: TenantID, target: TenantID) -> TenantError {
        TenantError(
            status: 401, code: "InvalidAuthenticationToken",
            message: "Access token validation failure. The token was issued for tenant '\(callerTenant)', not '\(target)'.")
    }
}
