import Foundation
import HTTPTypes
import TenantEngine
import TenantModel

/// Assigning or removing a security role the way an admin's script does: through the Dataverse Web
/// API (find the systemuser and the role, then the `systemuserroles_association`), or through the
/// admin API for environments without Dataverse.
struct SecurityRoleStep {
    let session: ScenarioSession
    let step: Step
    let actor: ScenarioSession.Actor

    func perform() async throws -> (StepOutcome, String) {
        let tenant = actor.tenant
        let user = try await session.user(step.string("user") ?? "", in: tenant)
        let environment = try await session.environment(step.string("environment") ?? "")
        let roleName = step.string("role") ?? ""
        let removing = step.action.name == "removeSecurityRole"
        let summary =
            "\(removing ? "remove" : "assign") \(roleName) \(removing ? "from" : "to") \(user.contactAddress) in '\(environment.displayName)'"
        guard environment.hasDataverse, let host = environment.instanceHost, let url = environment.instanceURL else {
            let token = try await session.token(for: actor, audience: tenant.cloud.powerAppsAudience)
            let definition = roleName.replacingOccurrences(of: " ", with: "")
            let item: [String: Any] = ["properties": ["roleDefinition": ["id": definition], "principal": ["id": user.id.rawValue, "type": "User"]]]
            let reply = try await session.send(
                .post, tenant.cloud.adminAPIHost,
                "/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments/\(environment.id)/modifyRoleAssignments?api-version=2016-11-01",
                token: token, json: [removing ? "remove" : "add": [item]])
            return (reply.outcome(), summary)
        }
        let token = try await session.token(for: actor, audience: url)
        let base = "/api/data/v9.2"
        let users = try await session.send(
            .get, host, "\(base)/systemusers?$filter=azureactivedirectoryobjectid%20eq%20\(user.id)&$select=systemuserid,isdisabled", token: token)
        guard (200..<300).contains(users.status) else { return (users.outcome(), summary) }
        // No systemuser yet: address the user by the alternate key, as scripts that skip the lookup do;
        // Dataverse then says why the user isn't there.
        let systemUserKey = (users.values.first?["systemuserid"] as? String) ?? "azureactivedirectoryobjectid=\(user.id)"
        guard let roleId = try await Self.roleId(named: roleName, host: host, token: token, session: session) else {
            let names = try await session.engine.securityRoles(of: environment.id).map(\.name)
            return (
                .error(
                    status: 404, code: "0x80040217",
                    message: "'\(environment.displayName)' has no security role '\(roleName)'\(DidYouMean.phrase(for: roleName, among: names))"),
                summary
            )
        }
        let reference = "https://\(host)\(base)/roles(\(roleId))"
        let reply =
            removing
            ? try await session.send(
                .delete, host, "\(base)/systemusers(\(systemUserKey))/systemuserroles_association/$ref?$id=\(reference)", token: token)
            : try await session.send(
                .post, host, "\(base)/systemusers(\(systemUserKey))/systemuserroles_association/$ref", token: token, json: ["@odata.id": reference])
        return (reply.outcome(), summary)
    }

    /// A name as an OData string literal inside a URL: quotes doubled, then percent-encoded.
    static func literal(_ name: String) -> String {
        name.replacingOccurrences(of: "'", with: "''").addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name
    }

    /// The id of the environment's security role named `roleName`, looked up as a script does (`GET roles?$filter=name eq …`).
    static func roleId(named roleName: String, host: String, token: String, session: ScenarioSession) async throws -> String? {
        let roles = try await session.send(
            .get, host, "/api/data/v9.2/roles?$select=roleid,name&$filter=name%20eq%20'\(literal(roleName))'", token: token)
        return roles.values.first?["roleid"] as? String
    }
}
