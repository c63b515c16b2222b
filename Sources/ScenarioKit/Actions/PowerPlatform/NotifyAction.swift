import OnboardingKit
import TenantModel

/// `notify: {user, environment}` — sends the guest the environment URL (no Microsoft API:
/// TenantSim records the message in its outbox), as the signed-in admin.
struct NotifyAction: ScenarioAction {
    static let name = "notify"
    static let performer = ActionCatalog.Definition.Performer.admin
    static let summary =
        "send the guest the environment URL (into the outbox)"

    struct Arguments: Decodable {
        var user: String
        var environment: String
        var message: String?
    }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        guard case .user(let admin, let tenant) = try await step.actor() else { throw ScenarioFailure("notifications are sent by a signed-in admin") }
        let user = try await step.user(arguments.user, in: tenant)
        let outcome = try await step.detailedOutcome {
            try await step.control.notify(user: user.id, environment: arguments.environment, message: arguments.message, as: admin.userPrincipalName)
        }
        return ActionReport(outcome, "notify \(user.label) with the URL of '\(arguments.environment)'")
    }
}
