import Foundation
import HTTPTypes
import TenantModel

/// The Power Platform API the way `powerplatform-management` calls it: a role assignment at the
/// tenant or an environment (`authorization/…/roleAssignments`), and `applyAdminRole`.
struct PlatformRoleStep {
    let session: ScenarioSession
    let step: Step
    let actor: ScenarioSession.Actor

    func perform() async throws -> (StepOutcome, String) {
        let tenant = actor.tenant
        let host = tenant.cloud.powerPlatformAPIHost
        let token = try await session.token(for: actor, audience: "https://\(host)")
        if step.action.name == "applyAdminRole" {
            let environment = try await session.environment(step.string("environment") ?? "")
            let reply = try await session.send(
                .post, host, "/usermanagement/environments/\(environment.id)/user/applyAdminRole?api-version=2022-03-01-preview", token: token)
            return (reply.outcome(), "make themselves System Administrator of '\(environment.displayName)'")
        }
        let user = try await session.user(step.string("user") ?? "", in: tenant)
        let roleName = step.string("role") ?? ""
        guard let definition = PlatformRoleDefinition.all.first(where: { $0.name.caseInsensitiveCompare(roleName) == .orderedSame }) else {
            let names = PlatformRoleDefinition.all.map(\.name)
            throw ScenarioFailure(
                "role must be one of: \(names.joined(separator: ", "))\(DidYouMean.phrase(for: step.string("role") ?? "", among: names))")
        }
        var path = "/authorization/roleAssignments?api-version=2024-10-01"
        var scope = PlatformRoleAssignment.tenantScope(tenant.id)
        var place = "the tenant"
        if let key = step.string("environment") {
            let environment = try await session.environment(key)
            path = "/authorization/environments/\(environment.id)/roleAssignments?api-version=2024-10-01"
            scope = PlatformRoleAssignment.environmentScope(environment)
            place = "'\(environment.displayName)'"
        }
        let reply = try await session.send(
            .post, host, path, token: token,
            json: ["principalObjectId": user.id.rawValue, "principalType": "User", "roleDefinitionId": definition.id, "scope": scope])
        return (reply.outcome(), "assign \(definition.name) to \(user.contactAddress) at \(place)")
    }
}
