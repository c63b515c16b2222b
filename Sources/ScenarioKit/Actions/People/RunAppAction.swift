import OnboardingKit
import TenantModel

/// `runApp: {environment, app}` — run a canvas app.
struct RunAppAction: ScenarioAction {
    static let name = "runApp"
    static let performer = ActionCatalog.Definition.Performer.guest
    static let summary = "run a canvas app"

    struct Arguments: Decodable {
        var environment: String
        var app: String
    }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let outcome = try await step.outcome {
            try await step.control.runApp(account: step.account, environment: arguments.environment, app: arguments.app)
        }
        return ActionReport(outcome, "\(step.account) runs '\(arguments.app)'")
    }
}
