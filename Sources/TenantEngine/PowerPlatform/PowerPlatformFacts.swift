import Foundation
import TenantModel
import TenantRules
import TenantStore

/// Builds the Power Platform rule contexts from the store, inside an operation's transaction.
struct PowerPlatformFacts {
    let scope: OperationScope

    var tx: StoreTransaction { scope.tx }

    func requireEnvironment(_ key: String) throws -> PowerPlatformEnvironment {
        if let environment = try tx.environment(EnvironmentID(key)) { return environment }
        if let environment = try tx.environment(organizationName: key.lowercased()) { return environment }
        if let host = URLComponents(string: key)?.host ?? (key.contains(".") ? key : nil),
            let org = host.split(separator: ".").first, let environment = try tx.environment(organizationName: String(org))
        {
            return environment
        }
        for tenant in try tx.tenants() {
            if let environment = try tx.environment(named: key, in: tenant.id) { return environment }
        }
        throw TenantError(
            status: 404, code: "EnvironmentNotFound", message: "The environment '\(key)' could not be found.", surface: .adminAPI)
    }

    /// The licences that count for `user`: in its tenant, and — for a guest — on its home account.
    func licenses(of user: User) throws -> LicenseFacts {
        let resource = try skus(assignedTo: user.id, in: user.tenantId)
        guard user.isExternal, let homeTenantId = user.homeTenantId, let homeUserId = user.homeUserId else {
            return LicenseFacts(resourceSkus: resource)
        }
        return LicenseFacts(
            resourceSkus: resource, homeSkus: try skus(assignedTo: homeUserId, in: homeTenantId), homeTenant: try tx.tenant(homeTenantId))
    }

    func skus(assignedTo userId: UserID, in tenant: TenantID) throws -> [SubscribedSku] {
        try tx.licenses(of: userId).compactMap { try tx.sku($0.skuId, in: tenant) }
    }

    func accessContext(for user: User, in environment: PowerPlatformEnvironment, firstAccess: Bool = false) throws -> EnvironmentAccessContext {
        let tenant = try scope.requireTenant(environment.tenantId)
        var group: Group?
        var direct = false
        var nested = false
        if let groupId = environment.securityGroupId {
            group = try tx.group(groupId)
            direct = try tx.isDirectMember(user.id.rawValue, of: groupId)
            if !direct { nested = try isNestedMember(user.id.rawValue, of: groupId, depth: 0) }
        }
        return EnvironmentAccessContext(
            environment: environment, tenant: tenant, user: user,
            directoryRoleIds: try tx.roleIds(of: user.id.rawValue, in: tenant.id), licenses: try licenses(of: user),
            securityGroup: group, isDirectMember: direct, isNestedMember: nested,
            dataverseUser: try tx.dataverseUser(for: user.id, in: environment.id),
            roleNames: try effectiveRoleNames(of: user, in: environment), firstAccess: firstAccess)
    }

    /// Membership through nested groups — counted at first access, not for pre-provisioning.
    func isNestedMember(_ memberId: String, of groupId: GroupID, depth: Int) throws -> Bool {
        guard depth < 8 else { return false }
        for membership in try tx.memberships(of: groupId) where membership.memberKind == .group {
            let nestedGroup = GroupID(membership.memberId)
            if try tx.isDirectMember(memberId, of: nestedGroup) || isNestedMember(memberId, of: nestedGroup, depth: depth + 1) {
                return true
            }
        }
        return false
    }

    func makerContext(for user: User, in environment: PowerPlatformEnvironment, kind: AppKind) throws -> MakerContext {
        let tenant = try scope.requireTenant(environment.tenantId)
        let home = try user.homeTenantId.flatMap { try tx.tenant($0) }
        return MakerContext(
            user: user, environment: environment, resourceTenant: tenant, resourceSettings: try settings(of: tenant.id),
            resourcePolicy: try scope.authorizationPolicy(tenant), homeTenant: home,
            homeSettings: try home.map { try settings(of: $0.id) }, homePolicy: try home.map { try scope.authorizationPolicy($0) },
            roleNames: try effectiveRoleNames(of: user, in: environment), licenses: try licenses(of: user), appKind: kind)
    }

    /// Roles a user holds, plus the System Administrator role Global and Power Platform admins hold
    /// in every environment (Dynamics 365 administrators need a role like anyone else).
    func effectiveRoleNames(of user: User, in environment: PowerPlatformEnvironment) throws -> Set<String> {
        var names = try tx.roleNames(of: user.id, in: environment.id)
        names.formUnion(try teamRoleNames(of: user, in: environment))
        let directoryRoles = try tx.roleIds(of: user.id.rawValue, in: environment.tenantId)
        if [DirectoryRoleTemplate.globalAdministrator, .powerPlatformAdministrator].contains(where: { directoryRoles.contains($0.id) }) {
            names.insert(environment.hasDataverse ? SecurityRoleName.systemAdministrator : SecurityRoleName.environmentAdmin)
        }
        return names
    }

    /// Roles a user holds through teams: the default team's (every Dataverse user of the environment
    /// belongs to it) and those of each Entra group team whose membership type includes the user —
    /// a direct member or owner of the team's group (Microsoft Learn, "Manage group teams").
    func teamRoleNames(of user: User, in environment: PowerPlatformEnvironment) throws -> Set<String> {
        let held = try tx.teamRoleNames(in: environment.id)
        guard !held.isEmpty else { return [] }
        var names: Set<String> = []
        for (teamId, roles) in held {
            if teamId == environment.defaultTeam.id {
                if let row = try tx.dataverseUser(for: user.id, in: environment.id), !row.isDisabled { names.formUnion(roles) }
                continue
            }
            guard let team = try tx.team(teamId), team.teamType.isGroupTeam, let groupId = team.groupId else { continue }
            let includes = team.membershipType.includes(
                isMember: try tx.isDirectMember(user.id.rawValue, of: groupId), isOwner: try tx.isOwner(user.id, of: groupId),
                isGuest: user.userType == .guest)
            if includes { names.formUnion(roles) }
        }
        return names
    }

    func settings(of tenant: TenantID) throws -> TenantSettings {
        var settings = try tx.tenantSettings(tenant) ?? TenantSettings(tenantId: tenant)
        // A change that hasn't taken effect yet (realistic profile) still shows its previous value to the rules.
        if let owner = try tx.tenant(tenant), let previous = try SettingPropagation.previousValue(.enableGuestsToMake, of: owner, scope: scope) {
            settings.document = settings.document.merging(
                .object(["powerPlatform": .object(["powerApps": .object(["enableGuestsToMake": .bool(previous == "true")])])]))
        }
        return settings
    }

    /// The person acting in `environment`: signs `account` in to the environment's tenant (sign-in
    /// rules apply; a pending guest is redeemed just in time) and returns the user object there.
    func signIn(_ account: String, to environment: PowerPlatformEnvironment, client: SignInClient) throws -> User {
        try SignInFlow(scope: scope).signIn(account: account, tenantId: environment.tenantId, authorityCloud: nil, client: client).user
    }
}
