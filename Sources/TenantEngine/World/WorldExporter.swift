import Foundation
import TenantModel
import TenantStore

/// A tenant of the state as the ``TenantSpec`` that ``TenantEngine/loadWorld(_:)`` rebuilds it
/// from: domains, policies, members with their roles and licences, guests, groups, SKUs, apps,
/// environments with their role grants, and Power Platform settings. Every identifier is kept, so
/// a world saved and loaded again answers the same.
enum WorldExporter {
    static func tenantSpec(_ tenant: Tenant, tx: StoreTransaction) throws -> TenantSpec {
        var spec = TenantSpec(key: tenant.key, displayName: tenant.displayName, cloud: tenant.cloud)
        spec.id = tenant.id.rawValue
        spec.domain = tenant.initialDomain
        spec.verifiedDomains = tenant.verifiedDomains.isEmpty ? nil : tenant.verifiedDomains
        spec.emailOneTimePasscode = tenant.emailOneTimePasscodeEnabled
        spec.googleFederation = tenant.googleFederationEnabled
        spec.federations = tenant.federations.isEmpty ? nil : tenant.federations
        if let policy = try tx.authorizationPolicy(tenant.id) { spec.authorizationPolicy = patch(policy) }
        if let restrictions = try tx.collaborationRestrictions(tenant.id), restrictions.mode != .allowAny {
            spec.collaboration =
                restrictions.mode == .allowList
                ? CollaborationSpec(allowedDomains: restrictions.domains) : CollaborationSpec(blockedDomains: restrictions.domains)
        }
        spec.crossTenantAccess = try crossTenant(tenant, tx: tx)
        let people = try tx.users(in: tenant.id).filter { !$0.isDeleted }
        let licences = try tx.licensesByUser(in: tenant.id)
        let skus = try tx.skus(in: tenant.id)
        let partNumbers = Dictionary(skus.map { ($0.skuId, $0.skuPartNumber) }, uniquingKeysWith: { first, _ in first })
        func licenceNames(_ user: User) -> [String]? {
            let names = (licences[user.id] ?? []).compactMap { partNumbers[$0.skuId] }.sorted()
            return names.isEmpty ? nil : names
        }
        let roles = Dictionary(grouping: try tx.roleAssignments(in: tenant.id), by: \.principalId)
        spec.users = people.filter { !$0.isExternal }.map { user in
            var member = UserSpec(upn: user.userPrincipalName, displayName: user.displayName, usageLocation: user.usageLocation)
            member.id = user.id.rawValue
            member.givenName = user.givenName
            member.surname = user.surname
            member.mail = user.mail == user.userPrincipalName ? nil : user.mail
            member.accountEnabled = user.accountEnabled ? nil : false
            let names = (roles[user.id.rawValue] ?? []).compactMap { DirectoryRoleTemplate.find($0.roleDefinitionId)?.displayName }.sorted()
            member.roles = names.isEmpty ? nil : names
            member.licenses = licenceNames(user)
            return member
        }
        let guests = people.filter(\.isExternal)
        let notifications = Dictionary(
            grouping: try tx.outbox().filter { $0.tenantId == tenant.id && $0.kind == .notification && $0.relatedUserId != nil },
            by: { $0.relatedUserId! })
        spec.guests =
            guests.isEmpty
            ? nil
            : guests.map { user in
                var exported = guest(user, licenses: licenceNames(user))
                let urls = (notifications[user.id] ?? []).compactMap(\.url)
                exported.notified = urls.isEmpty ? nil : urls
                return exported
            }
        spec.skus = skus.map(sku)
        spec.groups = try groups(of: tenant, people: people, tx: tx)
        spec.apps = try tx.apps(in: tenant.id).map { app in
            var exported = AppSpec(
                name: app.displayName, appId: app.appId.rawValue, secret: try tx.secrets(of: app.appId).first?.secretText,
                permissions: app.applicationPermissions, delegated: app.delegatedPermissions)
            exported.powerPlatformAdmin = app.powerPlatformManagementApp
            exported.dataverseRoles = app.dataverseRoles.isEmpty ? nil : app.dataverseRoles
            return exported
        }
        spec.environments = try environments(of: tenant, people: people, tx: tx)
        spec.powerPlatformSettings = try tx.tenantSettings(tenant.id)?.document
        return spec
    }

    static func patch(_ policy: AuthorizationPolicy) -> AuthorizationPolicyPatch {
        AuthorizationPolicyPatch(
            allowInvitesFrom: policy.allowInvitesFrom, guestUserRoleId: policy.guestUserRoleId,
            allowEmailVerifiedUsersToJoinOrganization: policy.allowEmailVerifiedUsersToJoinOrganization,
            allowedToSignUpEmailBasedSubscriptions: policy.allowedToSignUpEmailBasedSubscriptions, allowedToUseSSPR: policy.allowedToUseSSPR,
            allowUserConsentForRiskyApps: policy.allowUserConsentForRiskyApps, blockMsolPowerShell: policy.blockMsolPowerShell,
            defaultUserRolePermissions: DefaultUserRolePermissionsPatch(
                allowedToCreateApps: policy.defaultUserRolePermissions.allowedToCreateApps,
                allowedToCreateSecurityGroups: policy.defaultUserRolePermissions.allowedToCreateSecurityGroups,
                allowedToReadOtherUsers: policy.defaultUserRolePermissions.allowedToReadOtherUsers,
                permissionGrantPoliciesAssigned: policy.defaultUserRolePermissions.permissionGrantPoliciesAssigned))
    }

    static func crossTenant(_ tenant: Tenant, tx: StoreTransaction) throws -> CrossTenantSpec? {
        let defaults = try tx.crossTenantDefault(tenant.id) ?? CrossTenantAccessDefault(tenantId: tenant.id)
        let partners = try tx.partners(of: tenant.id).map { PartnerSpec(tenant: $0.partnerTenantId.rawValue, settings: $0.settings) }
        guard !defaults.allowedCloudEndpoints.isEmpty || !defaults.isServiceDefault || !partners.isEmpty else { return nil }
        return CrossTenantSpec(
            allowedCloudEndpoints: defaults.allowedCloudEndpoints.isEmpty ? nil : defaults.allowedCloudEndpoints,
            default: defaults.isServiceDefault ? nil : defaults.settings, partners: partners.isEmpty ? nil : partners)
    }

    static func guest(_ user: User, licenses: [String]?) -> GuestSpec {
        var guest = GuestSpec(
            address: user.contactAddress, displayName: user.displayName, state: user.externalUserState ?? .accepted,
            usageLocation: user.usageLocation)
        guest.id = user.id.rawValue
        guest.givenName = user.givenName
        guest.surname = user.surname
        guest.userType = user.userType == .member ? .member : nil
        guest.licenses = licenses
        guest.identityProvider = user.externalUserState == .accepted ? user.externalIdentityIssuer : nil
        return guest
    }

    static func sku(_ sku: SubscribedSku) -> SkuSpec {
        var spec = SkuSpec(partNumber: sku.skuPartNumber, units: sku.prepaidUnits.enabled, skuId: sku.skuId)
        if let known = SkuCatalog.entry(partNumber: sku.skuPartNumber), known.skuId == sku.skuId {
            if sku.grantsDataverse != known.grantsDataverse { spec.dataverse = sku.grantsDataverse }
            if sku.grantsPowerApps != known.grantsPowerApps { spec.powerApps = sku.grantsPowerApps }
            if sku.servicePlans != known.servicePlans { spec.servicePlans = sku.servicePlans }
        } else {
            spec.dataverse = sku.grantsDataverse
            spec.powerApps = sku.grantsPowerApps
            spec.servicePlans = sku.servicePlans
        }
        spec.appliesTo = sku.appliesTo == "User" ? nil : sku.appliesTo
        return spec
    }

    /// How a spec names a person: a member by UPN, a guest by the invited address.
    static func name(of user: User) -> String { user.isExternal ? user.contactAddress : user.userPrincipalName }

    static func groups(of tenant: Tenant, people: [User], tx: StoreTransaction) throws -> [GroupSpec]? {
        let byId = Dictionary(people.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
        let groups = try tx.groups(in: tenant.id)
        let groupNames = Dictionary(groups.map { ($0.id.rawValue, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        let specs = try groups.map { group in
            var spec = GroupSpec(name: group.displayName, kind: group.groupTypes.contains("Unified") ? .microsoft365 : .security)
            spec.id = group.id.rawValue
            spec.description = group.description
            let members = try tx.memberships(of: group.id).compactMap { membership in
                membership.memberKind == .group ? groupNames[membership.memberId] : byId[membership.memberId].map(name)
            }
            spec.members = members.isEmpty ? nil : members
            let owners = try tx.owners(of: group.id).compactMap { byId[$0.ownerId.rawValue].map(name) }
            spec.owners = owners.isEmpty ? nil : owners
            return spec
        }
        return specs.isEmpty ? nil : specs
    }

    static func teams(of environment: PowerPlatformEnvironment, tx: StoreTransaction) throws -> [TeamSpec]? {
        let roles = try tx.teamRoleNames(in: environment.id)
        let groupNames = Dictionary(try tx.groups(in: environment.tenantId).map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        var teams: [TeamSpec] = []
        let defaultTeam = environment.defaultTeam
        if let held = roles[defaultTeam.id], !held.isEmpty { teams.append(TeamSpec(name: defaultTeam.name, roles: held.sorted())) }
        for team in try tx.teams(in: environment.id) {
            var spec = TeamSpec(name: team.name, roles: roles[team.id].map { $0.sorted() })
            spec.id = team.id.rawValue
            if let groupId = team.groupId {
                spec.group = groupNames[groupId] ?? groupId.rawValue
                spec.membership = team.membershipType == .membersAndGuests ? nil : TeamSpec.name(of: team.membershipType)
            }
            teams.append(spec)
        }
        return teams.isEmpty ? nil : teams
    }

    static func environments(of tenant: Tenant, people: [User], tx: StoreTransaction) throws -> [EnvironmentSpec]? {
        let byId = Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return try tx.environments(in: tenant.id).map { environment in
            var spec = EnvironmentSpec(
                name: environment.displayName, sku: environment.isDefault ? nil : environment.sku, dataverse: environment.hasDataverse,
                org: environment.organizationName)
            spec.id = environment.isDefault ? nil : environment.id.rawValue
            spec.default = environment.isDefault ? true : nil
            spec.region = environment.region
            spec.securityGroup = try environment.securityGroupId.flatMap { try tx.group($0)?.displayName }
            spec.createdBy = environment.createdBy.flatMap { byId[$0] }.map(name)
            let roleNames = Dictionary(try tx.securityRoles(of: environment.id).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            let grants = try tx.roleAssignments(in: environment.id).compactMap { assignment -> RoleGrantSpec? in
                guard let user = byId[assignment.userId], let role = roleNames[assignment.roleId] else { return nil }
                return RoleGrantSpec(user: name(of: user), role: role)
            }
            spec.roles = grants.isEmpty ? nil : grants.sorted { ($0.user, $0.role) < ($1.user, $1.role) }
            spec.teams = try teams(of: environment, tx: tx)
            return spec
        }
    }
}
