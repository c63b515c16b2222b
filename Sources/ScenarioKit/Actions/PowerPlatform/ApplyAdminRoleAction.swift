import OnboardingKit
import TenantModel

/// `applyAdminRole: <environment>` — the Power Platform API's `applyAdminRole`: the actor, an admin,
/// becomes System Administrator of the environment.
struct ApplyAdminRoleAction: ScenarioAction {
    static let name = "applyAdminRole"
    static let performer = ActionCatalog.Definition.Performer.admin
    static let shorthand: String? = "environment"
    static let summary = "Power Platform API applyAdminRole (the actor becomes System Administrator)"

    struct Arguments: Decodable {
        var environment: String
    }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let actor = try await step.actor()
        let environment = try await step.session.environment(arguments.environment)
        let outcome = try await step.outcome { try await step.client(as: actor).applyAdminRole(environment: environment.id.rawValue) }
        return ActionReport(outcome, "make themselves System Administrator of '\(environment.displayName)'")
    }
}
