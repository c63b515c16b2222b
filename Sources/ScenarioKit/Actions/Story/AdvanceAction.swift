import OnboardingKit
import TenantModel

/// `advance: 15m` — time passes: the world clock moves on (90s, 15m, 2h, 1d).
struct AdvanceAction: ScenarioAction {
    static let name = "advance"
    static let performer = ActionCatalog.Definition.Performer.system
    static let shorthand: String? = "by"
    static let summary =
        "move the world clock (90s, 15m, 2h, 1d)"

    struct Arguments: Decodable {
        var by: String
    }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        guard let seconds = Durations.seconds(arguments.by) else { throw ScenarioFailure("advance takes a duration like 90s, 15m, 2h or 1d") }
        let outcome = try await step.detailedOutcome { try await step.control.advanceClock(seconds: Int(seconds)) }
        return ActionReport(outcome, "time passes: \(arguments.by)")
    }
}
