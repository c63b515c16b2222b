import OnboardingKit
import TenantModel

/// `openEnvironment: Sales` — the person opens an app in the environment.
struct OpenEnvironmentAction: ScenarioAction {
    static let name = "openEnvironment"
    static let performer = ActionCatalog.Definition.Performer.guest
    static let shorthand: String? = "environment"
    static let summary = "the person opens an app in the environment"

    struct Arguments: Decodable {
        var environment: String
    }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let outcome = try await step.detailedOutcome {
            try await step.control.openEnvironment(account: step.account, environment: arguments.environment)
        }
        return ActionReport(outcome, "\(step.account) opens '\(arguments.environment)'")
    }
}
