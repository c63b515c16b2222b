import OnboardingKit
import TenantModel

/// `addUserToEnvironment: {user, environment}` — the admin API's `addUser`: syncs the user into the
/// environment's Dataverse on demand.
struct AddUserToEnvironmentAction: ScenarioAction {
    static let name = "addUserToEnvironment"
    static let performer = ActionCatalog.Definition.Performer.admin
    static let summary = "admin API addUser (sync to Dataverse on demand)"

    struct Arguments: Decodable {
        var user: String
        var environment: String
    }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let actor = try await step.actor()
        let user = try await step.user(arguments.user, in: actor.tenant)
        let environment = try await step.session.environment(arguments.environment)
        let outcome = try await step.outcome { try await step.client(as: actor).addUser(objectId: user.id, toEnvironment: environment.id.rawValue) }
        return ActionReport(outcome, "add \(user.label) to the Dataverse of '\(environment.displayName)'")
    }
}
