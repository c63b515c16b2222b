import Foundation
import TenantModel
import TenantStore

/// Builds a tenant's Power Platform side: settings, the default environment, declared
/// environments with their security roles and initial role grants.
enum PowerPlatformLoader {
    static func populate(_ tenant: Tenant, from spec: TenantSpec, scope: OperationScope) throws {
        var settings = TenantSettings(tenantId: tenant.id)
        if let overrides = spec.powerPlatformSettings { settings.document = settings.document.merging(overrides) }
        try scope.tx.save(settings)
        let declared = spec.environments ?? []
        if !declared.contains(where: { $0.default == true }) {
            try createEnvironment(EnvironmentSpec(name: "\(tenant.displayName) (default)"), isDefault: true, tenant: tenant, spec: spec, scope: scope)
        }
        for environment in declared {
            try createEnvironment(environment, isDefault: environment.default == true, tenant: tenant, spec: spec, scope: scope)
        }
    }

    @discardableResult
    static func createEnvironment(
        _ environmentSpec: EnvironmentSpec, isDefault: Bool, tenant: Tenant, spec: TenantSpec, scope: OperationScope
    ) throws -> PowerPlatformEnvironment {
        let id: EnvironmentID =
            isDefault ? PowerPlatformEnvironment.defaultID(for: tenant.id) : try environmentSpec.id.map { EnvironmentID($0) } ?? scope.newID()
        let hasDataverse = environmentSpec.dataverse ?? false
        var organization: String?
        if hasDataverse {
            let raw = (environmentSpec.org ?? environmentSpec.name).lowercased().filter { $0.isLetter || $0.isNumber }
            guard !raw.isEmpty else { throw TenantError.badRequest("Environment '\(environmentSpec.name)': org must contain letters or digits.") }
            if try scope.tx.environment(organizationName: raw) != nil {
                throw TenantError.badRequest("Environment '\(environmentSpec.name)': the Dataverse organisation '\(raw)' already exists.")
            }
            organization = raw
        }
        var securityGroup: GroupID?
        if let groupName = environmentSpec.securityGroup {
            guard let group = try scope.tx.group(named: groupName, in: tenant.id) ?? scope.tx.group(GroupID(groupName)), group.tenantId == tenant.id
            else { throw TenantError.badRequest("Environment '\(environmentSpec.name)': no group '\(groupName)' in \(spec.key).") }
            guard group.securityEnabled else {
                throw TenantError.badRequest("Environment '\(environmentSpec.name)': '\(groupName)' is not a security group.")
            }
            securityGroup = group.id
        }
        let creator = try environmentSpec.createdBy.map { name in
            try scope.requireUser(WorldLoader.upn(name, spec: spec), in: tenant.id).id
        }
        let environment = PowerPlatformEnvironment(
            id: id, tenantId: tenant.id, displayName: environmentSpec.name, sku: isDefault ? .default : environmentSpec.sku ?? .production,
            region: environmentSpec.region ?? defaultRegion(tenant.cloud), cloud: tenant.cloud, hasDataverse: hasDataverse,
            organizationName: organization, securityGroupId: securityGroup, createdBy: creator, createdDateTime: scope.now)
        try scope.tx.insert(environment)
        for name in environment.roleNames {
            try scope.tx.insert(SecurityRole(id: try scope.newID(), environmentId: id, name: name))
        }
        for grant in environmentSpec.roles ?? [] {
            guard let user = try WorldLoader.person(grant.user, tenant: tenant, spec: spec, scope: scope) else {
                throw TenantError.badRequest("Environment '\(environment.displayName)': no user '\(grant.user)' in \(spec.key).")
            }
            guard let role = try scope.tx.securityRole(named: grant.role, in: id) else {
                throw TenantError.badRequest(
                    "Environment '\(environment.displayName)' has no role '\(grant.role)' (it has: \(environment.roleNames.joined(separator: ", ")))."
                )
            }
            try scope.tx.insert(EnvironmentRoleAssignment(environmentId: id, userId: user.id, roleId: role.id))
        }
        for team in environmentSpec.teams ?? [] {
            try createTeam(team, in: environment, tenant: tenant, scope: scope)
        }
        return environment
    }

    /// A team and its roles; the default team (named by its business unit) only gets the roles.
    static func createTeam(_ spec: TeamSpec, in environment: PowerPlatformEnvironment, tenant: Tenant, scope: OperationScope) throws {
        var team = environment.defaultTeam
        if spec.name != team.name {
            var groupId: GroupID?
            var teamType = DataverseTeam.TeamType.owner
            if let name = spec.group {
                guard let group = try scope.tx.group(named: name, in: tenant.id) ?? scope.tx.group(GroupID(name)), group.tenantId == tenant.id else {
                    throw TenantError.badRequest("Team '\(spec.name)' of '\(environment.displayName)': no group '\(name)'.")
                }
                groupId = group.id
                teamType = group.groupTypes.contains("Unified") ? .officeGroup : .securityGroup
            }
            let membership = (spec.membership ?? "members and guests").lowercased()
            guard let membershipType = TeamSpec.membershipNames[membership] else {
                throw TenantError.badRequest(
                    "Team '\(spec.name)': membership is one of \(TeamSpec.membershipNames.keys.sorted().joined(separator: ", ")), not '\(membership)'."
                )
            }
            team = DataverseTeam(
                id: try spec.id.map { TeamID($0.lowercased()) } ?? scope.newID(), environmentId: environment.id, name: spec.name,
                teamType: teamType, groupId: groupId, membershipType: membershipType, createdOn: scope.now, modifiedOn: scope.now)
            try scope.tx.save(team)
        }
        for name in spec.roles ?? [] {
            guard let role = try scope.tx.securityRole(named: name, in: environment.id) else {
                throw TenantError.badRequest("Team '\(spec.name)': '\(environment.displayName)' has no role '\(name)'.")
            }
            try scope.tx.insert(TeamRoleAssignment(environmentId: environment.id, teamId: team.id, roleId: role.id))
        }
    }

    static func defaultRegion(_ cloud: Cloud) -> String {
        switch cloud {
        case .commercial: "unitedstates"
        case .gcc, .gccHigh, .dod: "usgov"
        case .china: "china"
        }
    }
}
