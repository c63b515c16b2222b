import TenantEngine
import TenantModel

/// `explain: {guest, environment}` — prints the onboarding checklist: where the guest stands and
/// which rule blocks each step (a teaching step; it changes nothing).
struct ExplainAction: ScenarioAction {
    static let name = "explain"
    static let performer = ActionCatalog.Definition.Performer.system
    static let summary = "print the onboarding checklist (teaching step)"

    struct Arguments: Decodable {
        var guest: String
        var environment: String
    }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let checklist = try await step.engine.explain(arguments.guest, in: arguments.environment)
        return ActionReport(
            .ok(detail: nil), "explain where \(arguments.guest) stands in '\(arguments.environment)'",
            details: checklist.render().split(separator: "\n").map(String.init))
    }
}
