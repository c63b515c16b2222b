import Foundation
import TenantModel
import TenantRules
import TenantStore

/// What a new Dataverse team is made of (`POST teams`).
public struct TeamDraft: Sendable {
    public var name: String
    public var teamType: DataverseTeam.TeamType
    /// The Entra group of a group team (its object id).
    public var groupId: String?
    public var membershipType: DataverseTeam.MembershipType
    public var teamDescription: String?

    public init(
        name: String, teamType: DataverseTeam.TeamType = .owner, groupId: String? = nil,
        membershipType: DataverseTeam.MembershipType = .membersAndGuests, teamDescription: String? = nil
    ) {
        self.name = name
        self.teamType = teamType
        self.groupId = groupId
        self.membershipType = membershipType
        self.teamDescription = teamDescription
    }
}

/// The columns of a team a client may change (`PATCH teams(id)`); `nil` leaves a column alone.
public struct TeamChanges: Sendable {
    public var name: String?
    public var membershipType: DataverseTeam.MembershipType?
    public var teamDescription: String??

    public init(name: String? = nil, membershipType: DataverseTeam.MembershipType? = nil, teamDescription: String?? = nil) {
        self.name = name
        self.membershipType = membershipType
        self.teamDescription = teamDescription
    }
}

extension TenantEngine {
    /// The teams of an environment: the business unit's default team first, then the stored ones.
    public func teams(in environmentId: EnvironmentID) async throws(TenantError) -> [DataverseTeam] {
        try await read { tx in
            guard let environment = try tx.environment(environmentId) else { return [] }
            return [environment.defaultTeam] + (try tx.teams(in: environmentId))
        }
    }

    /// Security role names each team of an environment holds.
    public func teamRoleNames(in environmentId: EnvironmentID) async throws(TenantError) -> [TeamID: Set<String>] {
        try await read { tx in try tx.teamRoleNames(in: environmentId) }
    }

    /// Creates an owner, access or Entra group team (Dataverse `POST teams`).
    @discardableResult
    public func createTeam(
        _ draft: TeamDraft, in environmentKey: String, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) -> DataverseTeam {
        try await perform(.createTeam, caller: caller, tenantId: caller.tenantId, requestId: requestId) { scope in
            let environment = try DataverseWrite.environment(environmentKey, scope: scope)
            let name = try DataverseWrite.requireName(draft.name, of: "A team")
            var groupId: GroupID?
            if draft.teamType.isGroupTeam {
                groupId = try DataverseWrite.group(draft.groupId, for: draft.teamType, in: environment, scope: scope)
            } else if draft.groupId != nil {
                throw DataverseWrite.invalid("azureactivedirectoryobjectid can only be set on an Entra group team (teamtype 2 or 3).")
            }
            try DataverseWrite.authorize(.createTeam, table: "team", summary: "create the team '\(name)'", in: environment, scope: scope)
            let team = DataverseTeam(
                id: try scope.newID(), environmentId: environment.id, name: name, teamType: draft.teamType, groupId: groupId,
                membershipType: draft.membershipType, teamDescription: draft.teamDescription, createdOn: scope.now, modifiedOn: scope.now)
            try scope.tx.save(team)
            scope.target = "\(environment.id)/\(team.id)"
            scope.detail = name
            return team
        }
    }

    /// Changes a team's name, description or membership type (Dataverse `PATCH teams(id)`).
    @discardableResult
    public func updateTeam(
        _ teamId: TeamID, _ changes: TeamChanges, in environmentKey: String, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) -> DataverseTeam {
        try await perform(.updateTeam, caller: caller, tenantId: caller.tenantId, requestId: requestId) { scope in
            let environment = try DataverseWrite.environment(environmentKey, scope: scope)
            var team = try DataverseWrite.team(teamId, in: environment, scope: scope)
            guard !team.isDefault else {
                throw TenantError(
                    status: 400, code: "0x80041d2b", message: "The default team of a business unit can't be changed.", surface: .dataverse)
            }
            try DataverseWrite.authorize(.updateTeam, table: "team", summary: "change the team '\(team.name)'", in: environment, scope: scope)
            if let name = changes.name {
                team.name = try DataverseWrite.requireName(name, of: "A team")
            }
            if let membershipType = changes.membershipType {
                guard team.teamType.isGroupTeam else {
                    throw DataverseWrite.invalid("membershiptype applies only to an Entra group team (teamtype 2 or 3).")
                }
                team.membershipType = membershipType
            }
            if let description = changes.teamDescription { team.teamDescription = description }
            team.modifiedOn = scope.now
            try scope.tx.save(team)
            scope.target = "\(environment.id)/\(team.id)"
            return team
        }
    }

    /// Gives a team a security role (Dataverse `teamroles_association`); its members hold the role too.
    public func assignTeamRole(
        _ role: String, to teamId: TeamID, in environmentKey: String, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) {
        try await changeTeamRole(role, teamId: teamId, environmentKey: environmentKey, caller: caller, removal: false, requestId: requestId)
    }

    /// Takes a security role from a team.
    public func removeTeamRole(
        _ role: String, from teamId: TeamID, in environmentKey: String, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) {
        try await changeTeamRole(role, teamId: teamId, environmentKey: environmentKey, caller: caller, removal: true, requestId: requestId)
    }

    func changeTeamRole(
        _ roleKey: String, teamId: TeamID, environmentKey: String, caller: Caller, removal: Bool, requestId: String?
    ) async throws(TenantError) {
        try await perform(removal ? .removeTeamRole : .assignTeamRole, caller: caller, tenantId: caller.tenantId, requestId: requestId) { scope in
            let environment = try DataverseWrite.environment(environmentKey, scope: scope)
            let team = try DataverseWrite.team(teamId, in: environment, scope: scope)
            let role = try SecurityRoleChange.requireRole(roleKey, in: environment, scope: scope)
            try DataverseWrite.authorize(
                removal ? .removeTeamRole : .assignTeamRole, table: "team",
                summary: removal
                    ? "remove the role '\(role.name)' from the team '\(team.name)'" : "give the team '\(team.name)' the role '\(role.name)'",
                in: environment, scope: scope)
            let assignment = TeamRoleAssignment(environmentId: environment.id, teamId: team.id, roleId: role.id)
            if removal {
                guard try scope.tx.delete(assignment) else {
                    throw TenantError(
                        status: 404, code: "0x80040217", message: "The team '\(team.name)' does not hold the role '\(role.name)'.",
                        surface: .dataverse)
                }
            } else {
                try scope.tx.insert(assignment)
            }
            scope.target = "\(environment.id)/\(team.id)/\(role.name)"
            scope.detail = role.name
        }
    }

    /// Creates a custom security role with no privileges of its own (Dataverse `POST roles`).
    @discardableResult
    public func createSecurityRole(
        named name: String, in environmentKey: String, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) -> SecurityRole {
        try await perform(.createSecurityRole, caller: caller, tenantId: caller.tenantId, requestId: requestId) { scope in
            let environment = try DataverseWrite.environment(environmentKey, scope: scope)
            let trimmed = try DataverseWrite.requireName(name, of: "A security role")
            try DataverseWrite.authorize(
                .createSecurityRole, table: "role", summary: "create the security role '\(trimmed)'", in: environment, scope: scope)
            try DataverseWrite.requireRoleNameFree(trimmed, except: nil, in: environment, scope: scope)
            let role = SecurityRole(id: try scope.newID(), environmentId: environment.id, name: trimmed)
            try scope.tx.insert(role)
            scope.target = "\(environment.id)/\(role.id)"
            scope.detail = trimmed
            return role
        }
    }

    /// Renames a custom security role (Dataverse `PATCH roles(id)`); the predefined roles keep their names.
    @discardableResult
    public func renameSecurityRole(
        _ id: SecurityRoleID, to name: String, in environmentKey: String, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) -> SecurityRole {
        try await perform(.updateSecurityRole, caller: caller, tenantId: caller.tenantId, requestId: requestId) { scope in
            let environment = try DataverseWrite.environment(environmentKey, scope: scope)
            guard var role = try scope.tx.securityRole(SecurityRoleID(id.rawValue.lowercased())), role.environmentId == environment.id else {
                throw TenantError(status: 404, code: "0x80040217", message: "role With Id = \(id) Does Not Exist", surface: .dataverse)
            }
            let trimmed = try DataverseWrite.requireName(name, of: "A security role")
            try DataverseWrite.authorize(
                .updateSecurityRole, table: "role", summary: "rename the security role '\(role.name)'", in: environment, scope: scope)
            let predefined = SecurityRoleName.dataverseRoles + SecurityRoleName.environmentRoles
            guard !predefined.contains(where: { $0.caseInsensitiveCompare(role.name) == .orderedSame }) else {
                throw TenantError(
                    status: 400, code: "0x80040203", message: "'\(role.name)' is a predefined security role and can't be renamed.",
                    surface: .dataverse)
            }
            try DataverseWrite.requireRoleNameFree(trimmed, except: role.id, in: environment, scope: scope)
            role.name = trimmed
            try scope.tx.update(role)
            scope.target = "\(environment.id)/\(role.id)"
            scope.detail = trimmed
            return role
        }
    }

    /// Adds an Entra user of the environment's tenant to its Dataverse (`POST systemusers` with
    /// `azureactivedirectoryobjectid`): the same qualification rules as the on-demand sync.
    @discardableResult
    public func createSystemUser(
        _ objectId: String, in environmentKey: String, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) -> DataverseUser {
        try await perform(.createSystemUser, caller: caller, tenantId: caller.tenantId, requestId: requestId) { scope in
            let environment = try DataverseWrite.environment(environmentKey, scope: scope)
            guard let user = try scope.tx.user(UserID(objectId.lowercased())), user.tenantId == environment.tenantId, !user.isDeleted else {
                throw DataverseWrite.invalid(
                    "azureactivedirectoryobjectid '\(objectId)' is not a user of the environment's tenant: add the guest to that tenant first.")
            }
            try DataverseWrite.authorize(
                .createSystemUser, table: "systemuser", summary: "add \(user.userPrincipalName) to the environment", in: environment, scope: scope)
            if try scope.tx.dataverseUser(for: user.id, in: environment.id) != nil {
                throw TenantError(
                    status: 412, code: "0x80040237",
                    message: "A record with matching key values already exists: \(user.userPrincipalName) is already a user of the environment.",
                    surface: .dataverse)
            }
            scope.target = "\(environment.id)/\(user.id)"
            guard let row = try DataverseSync.sync(user, in: environment, onDemand: true, scope: scope) else {
                throw TenantError.internal("createSystemUser produced no Dataverse user")
            }
            return row
        }
    }

    /// Changes a Dataverse user's access mode (`PATCH systemusers(id)` with `accessmode`). Columns
    /// synchronised from Entra can't be changed in Dataverse.
    @discardableResult
    public func updateSystemUser(
        _ id: SystemUserID, accessMode: DataverseUser.AccessMode, in environmentKey: String, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) -> DataverseUser {
        try await perform(.updateSystemUser, caller: caller, tenantId: caller.tenantId, requestId: requestId) { scope in
            let environment = try DataverseWrite.environment(environmentKey, scope: scope)
            guard var row = try scope.tx.dataverseUser(id), row.environmentId == environment.id else {
                throw TenantError(status: 404, code: "0x80040217", message: "systemuser With Id = \(id) Does Not Exist", surface: .dataverse)
            }
            try DataverseWrite.authorize(
                .updateSystemUser, table: "systemuser", summary: "change the user \(row.domainName)", in: environment, scope: scope)
            row.accessMode = accessMode
            row.modifiedOn = scope.now
            try scope.tx.save(row)
            scope.target = "\(environment.id)/\(row.userId)"
            return row
        }
    }
}

/// Lookups and checks shared by the Dataverse writes.
enum DataverseWrite {
    static func invalid(_ message: String) -> TenantError { TenantError(status: 400, code: "0x80040203", message: message, surface: .dataverse) }

    /// A record's name, trimmed; an empty one is `0x80040203` ("A team needs a name.").
    static func requireName(_ raw: String, of thing: String) throws -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw invalid("\(thing) needs a name.") }
        return name
    }

    /// Dataverse's duplicate-record answer when another role of the environment has `name`.
    static func requireRoleNameFree(
        _ name: String, except id: SecurityRoleID?, in environment: PowerPlatformEnvironment, scope: OperationScope
    ) throws {
        if let other = try scope.tx.securityRole(named: name, in: environment.id), other.id != id {
            throw TenantError(
                status: 412, code: "0x80040237", message: "A record with matching key values already exists: a role named '\(name)'.",
                surface: .dataverse)
        }
    }

    /// The environment, which must have a Dataverse database; the operation is logged against its tenant.
    static func environment(_ key: String, scope: OperationScope) throws -> PowerPlatformEnvironment {
        let environment = try PowerPlatformFacts(scope: scope).requireEnvironment(key)
        scope.tenantId = environment.tenantId
        guard environment.hasDataverse else {
            throw TenantError(status: 404, code: "0x80040217", message: "The environment has no Dataverse database.", surface: .dataverse)
        }
        return environment
    }

    /// A team of the environment, the default team included.
    static func team(_ id: TeamID, in environment: PowerPlatformEnvironment, scope: OperationScope) throws -> DataverseTeam {
        if id == environment.defaultTeam.id { return environment.defaultTeam }
        guard let team = try scope.tx.team(id), team.environmentId == environment.id else {
            throw TenantError(status: 404, code: "0x80040217", message: "team With Id = \(id) Does Not Exist", surface: .dataverse)
        }
        return team
    }

    /// The Entra group of a new group team: a group of the environment's tenant of the right kind.
    static func group(
        _ key: String?, for teamType: DataverseTeam.TeamType, in environment: PowerPlatformEnvironment, scope: OperationScope
    ) throws -> GroupID {
        guard let key, !key.isEmpty else { throw invalid("An Entra group team needs azureactivedirectoryobjectid, the group's object id.") }
        guard let group = try scope.tx.group(GroupID(key.lowercased())), group.tenantId == environment.tenantId else {
            throw invalid("azureactivedirectoryobjectid '\(key)' is not a group of the environment's tenant.")
        }
        let unified = group.groupTypes.contains("Unified")
        if teamType == .securityGroup && (unified || !group.securityEnabled) {
            throw invalid("'\(group.displayName)' is not a security group: use teamtype 3 for a Microsoft 365 group.")
        }
        if teamType == .officeGroup && !unified {
            throw invalid("'\(group.displayName)' is not a Microsoft 365 group: use teamtype 2 for a security group.")
        }
        return group.id
    }

    /// Runs the privilege check of `operation`.
    static func authorize(
        _ operation: TenantOperation, table: String, summary: String, in environment: PowerPlatformEnvironment, scope: OperationScope
    ) throws {
        let context = DataverseWriteContext(
            caller: try scope.callerFacts(in: environment.tenantId),
            callerAdministersEnvironment: try SecurityRoleChange.administers(environment, scope: scope), environment: environment,
            tenant: try scope.requireTenant(environment.tenantId), table: table, summary: summary)
        try scope.enforce(OperationRules.writeDataverseRecord(operation).decide(context))
    }
}
