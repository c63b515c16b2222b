import OnboardingKit
import TenantModel

/// `throttle: {operation: createInvitation, count: 2}` — the service refuses the next `count` calls
/// of an operation with 429 (or 503/504) and `Retry-After`, as Graph does under load: the way to
/// see whether a script backs off. Operation names are TenantSim's (`tenantsim coverage`).
struct ThrottleAction: ScenarioAction {
    static let name = "throttle"
    static let performer = ActionCatalog.Definition.Performer.system
    static let shorthand: String? = "operation"
    static let summary = "the next calls of an operation answer 429 (or 503/504) with Retry-After"

    struct Arguments: Decodable {
        var operation: String
        var status: Int?
        var count: Int?
        var retryAfter: Int?
    }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let status = arguments.status ?? 429
        let count = arguments.count ?? 1
        let outcome = try await step.outcome {
            try await step.control.injectFault(operation: arguments.operation, status: status, count: count, retryAfter: arguments.retryAfter ?? 1)
        }
        return ActionReport(
            outcome, "the next \(count == 1 ? "" : "\(count) ")\(arguments.operation) call\(count == 1 ? " answers" : "s answer") \(status)")
    }
}
