import OnboardingKit
import TenantModel

/// `shareApp: {environment, app, with}` — the app's owner shares a canvas app.
struct ShareAppAction: ScenarioAction {
    static let name = "shareApp"
    static let performer = ActionCatalog.Definition.Performer.guest
    static let summary = "share a canvas app (as its owner)"

    struct Arguments: Decodable {
        var environment: String
        var app: String
        var with: String
    }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let outcome = try await step.outcome {
            try await step.control.shareApp(account: step.account, environment: arguments.environment, app: arguments.app, with: arguments.with)
        }
        return ActionReport(outcome, "\(step.account) shares '\(arguments.app)' with \(arguments.with)")
    }
}
