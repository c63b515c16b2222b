import OnboardingKit
import TenantModel

/// `assignTeamRole: {team, environment, role}` — Dataverse `teams(id)/teamroles_association/$ref`.
struct AssignTeamRoleAction: ScenarioAction {
    static let name = "assignTeamRole"
    static let performer = ActionCatalog.Definition.Performer.admin
    static let summary = "Dataverse teamroles_association"

    struct Arguments: Decodable {
        var team: String
        var environment: String
        var role: String
    }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let actor = try await step.actor()
        let environment = try await step.session.environment(arguments.environment)
        guard let host = environment.instanceHost else {
            throw ScenarioFailure("'\(environment.displayName)' has no Dataverse database, so it has no teams")
        }
        let client = step.client(as: actor)
        let outcome = try await step.outcome {
            guard let teamId = try await client.teamId(named: arguments.team, host: host) else {
                throw GraphError(status: 404, code: "0x80040217", message: "'\(environment.displayName)' has no team '\(arguments.team)'")
            }
            let roleId = try await step.roleId(arguments.role, host: host, environment: environment, client: client)
            try await client.assignRole(roleId, toTeam: teamId, host: host)
        }
        return ActionReport(outcome, "give the team '\(arguments.team)' the role \(arguments.role) in '\(environment.displayName)'")
    }
}
