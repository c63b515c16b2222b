import Foundation
import HTTPTypes
import TenantEngine
import TenantModel

/// Dataverse teams the way an admin's script makes them: `POST teams` (an Entra group team names
/// the group and its membership type) and `teams(id)/teamroles_association/$ref`.
struct TeamStep {
    let session: ScenarioSession
    let step: Step
    let actor: ScenarioSession.Actor

    static let membershipTypes: [String: DataverseTeam.MembershipType] = [
        "members and guests": .membersAndGuests, "members": .members, "owners": .owners, "guests": .guests,
    ]

    func perform() async throws -> (StepOutcome, String) {
        let environment = try await session.environment(step.string("environment") ?? "")
        guard let host = environment.instanceHost, let url = environment.instanceURL else {
            throw ScenarioFailure("'\(environment.displayName)' has no Dataverse database, so it has no teams")
        }
        let token = try await session.token(for: actor, audience: url)
        let base = "/api/data/v9.2"
        let name = step.string(step.action.name == "createTeam" ? "name" : "team") ?? ""
        if step.action.name == "createTeam" {
            var body: [String: Any] = ["name": name]
            if let groupName = step.string("group") {
                guard let group = try await session.engine.group(named: groupName, in: environment.tenantId) else {
                    let names = try await session.engine.groups(in: environment.tenantId).map(\.displayName)
                    throw ScenarioFailure("no group '\(groupName)' in the environment's tenant\(DidYouMean.phrase(for: groupName, among: names))")
                }
                let membership = (step.string("membership") ?? "members and guests").lowercased()
                guard let type = Self.membershipTypes[membership] else {
                    throw ScenarioFailure("membership must be one of: \(Self.membershipTypes.keys.sorted().joined(separator: ", "))")
                }
                body["teamtype"] = group.groupTypes.contains("Unified") ? 3 : 2
                body["azureactivedirectoryobjectid"] = group.id.rawValue
                body["membershiptype"] = type.rawValue
            }
            let reply = try await session.send(.post, host, "\(base)/teams", token: token, json: body)
            return (reply.outcome(), "create the team '\(name)' in '\(environment.displayName)'")
        }
        let roleName = step.string("role") ?? ""
        let summary = "give the team '\(name)' the role \(roleName) in '\(environment.displayName)'"
        let teams = try await session.send(
            .get, host, "\(base)/teams?$select=teamid&$filter=name%20eq%20'\(SecurityRoleStep.literal(name))'", token: token)
        guard (200..<300).contains(teams.status) else { return (teams.outcome(), summary) }
        guard let teamId = teams.values.first?["teamid"] as? String else {
            return (.error(status: 404, code: "0x80040217", message: "'\(environment.displayName)' has no team '\(name)'"), summary)
        }
        guard let roleId = try await SecurityRoleStep.roleId(named: roleName, host: host, token: token, session: session) else {
            return (.error(status: 404, code: "0x80040217", message: "'\(environment.displayName)' has no security role '\(roleName)'"), summary)
        }
        let reply = try await session.send(
            .post, host, "\(base)/teams(\(teamId))/teamroles_association/$ref", token: token,
            json: ["@odata.id": "https://\(host)\(base)/roles(\(roleId))"])
        return (reply.outcome(), summary)
    }
}
