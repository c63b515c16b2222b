import OnboardingKit
import TenantModel

/// `makeApp: {environment, kind?, name?}` — make an app (canvas by default) in the maker portal.
struct MakeAppAction: ScenarioAction {
    static let name = "makeApp"
    static let performer = ActionCatalog.Definition.Performer.guest
    static let shorthand: String? = "environment"
    static let summary =
        "make an app in the maker portal (`kind`: canvas, canvasOnDataverse, modelDriven or solution)"

    struct Arguments: Decodable {
        var environment: String
        var kind: String?
        var name: String?
    }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let kind = arguments.kind ?? "canvas"
        let outcome = try await step.outcome {
            try await step.control.makeApp(account: step.account, environment: arguments.environment, kind: kind, name: arguments.name ?? "App")
        }
        return ActionReport(outcome, "\(step.account) makes a \(kind) app in '\(arguments.environment)'")
    }
}
