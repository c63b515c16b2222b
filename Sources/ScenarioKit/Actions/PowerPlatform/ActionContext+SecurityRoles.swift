import Foundation
import OnboardingKit
import TenantEngine
import TenantModel

extension ActionContext {
    /// Assigns or removes a security role the way an admin's script does: through the Dataverse
    /// Web API (the systemuser by its Entra object id, the role by name, then the association), or
    /// through the admin API for an environment without Dataverse.
    func changeSecurityRole(_ arguments: SecurityRoleArguments, removing: Bool) async throws -> ActionReport {
        let actor = try await actor()
        let user = try await session.user(arguments.user, in: actor.tenant)
        let environment = try await session.environment(arguments.environment)
        let client = client(as: actor)
        let summary =
            "\(removing ? "remove" : "assign") \(arguments.role) \(removing ? "from" : "to") \(user.contactAddress) in '\(environment.displayName)'"
        guard environment.hasDataverse, let host = environment.instanceHost else {
            let definition = arguments.role.replacingOccurrences(of: " ", with: "")
            let outcome = try await outcome {
                try await client.modifyEnvironmentRole(
                    definition, principal: user.id.rawValue, environment: environment.id.rawValue, removing: removing)
            }
            return ActionReport(outcome, summary)
        }
        let outcome = try await outcome {
            // No systemuser yet: address the user by the alternate key, as scripts that skip the
            // lookup do; Dataverse then says why the user isn't there.
            let systemUser =
                try await client.systemUser(forObjectId: user.id.rawValue, host: host)?.systemuserid ?? "azureactivedirectoryobjectid=\(user.id)"
            let roleId = try await roleId(arguments.role, host: host, environment: environment, client: client)
            if removing {
                try await client.removeRole(roleId, fromSystemUser: systemUser, host: host)
            } else {
                try await client.assignRole(roleId, toSystemUser: systemUser, host: host)
            }
        }
        return ActionReport(outcome, summary)
    }

    /// The id of the environment's role called `name`, looked up as a script does (`GET
    /// roles?$filter=name eq …`); Dataverse's 404 naming the closest role when there is none.
    func roleId(_ name: String, host: String, environment: PowerPlatformEnvironment, client: OnboardingClient) async throws -> String {
        if let role = try await client.role(named: name, host: host) { return role.roleid }
        let names = try await engine.securityRoles(of: environment.id).map(\.name)
        throw GraphError(
            status: 404, code: "0x80040217",
            message: "'\(environment.displayName)' has no security role '\(name)'\(DidYouMean.phrase(for: name, among: names))")
    }
}
