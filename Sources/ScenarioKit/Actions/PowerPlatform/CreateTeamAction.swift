import OnboardingKit
import TenantEngine
import TenantModel

/// `createTeam: {name, environment, group?, membership?}` — Dataverse `POST teams`: an owner team,
/// or with `group` an Entra group team whose membership type decides who it counts (members and
/// guests, members, owners or guests).
struct CreateTeamAction: ScenarioAction {
    static let name = "createTeam"
    static let performer = ActionCatalog.Definition.Performer.admin
    static let summary = "Dataverse POST teams (with group: an Entra group team; membership: members and guests, members, owners or guests)"

    struct Arguments: Decodable {
        var name: String
        var environment: String
        var group: String?
        var membership: String?
    }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let actor = try await step.actor()
        let environment = try await step.session.environment(arguments.environment)
        guard let host = environment.instanceHost else {
            throw ScenarioFailure("'\(environment.displayName)' has no Dataverse database, so it has no teams")
        }
        var groupTeam: (id: String, teamType: Int, membershipType: Int)?
        if let name = arguments.group {
            let group = try await step.group(name, in: environment.tenantId)
            let membership = (arguments.membership ?? "members and guests").lowercased()
            guard let type = TeamSpec.membershipNames[membership] else {
                throw ScenarioFailure("membership must be one of: \(TeamSpec.membershipNames.keys.sorted().joined(separator: ", "))")
            }
            groupTeam = (group.id.rawValue, group.groupTypes.contains("Unified") ? 3 : 2, type.rawValue)
        }
        let outcome = try await step.outcome { try await step.client(as: actor).createTeam(name: arguments.name, host: host, group: groupTeam) }
        return ActionReport(outcome, "create the team '\(arguments.name)' in '\(environment.displayName)'")
    }
}
