import OnboardingKit
import TenantModel

/// `deleteUser: pat@fabrikam.com` — `DELETE /users/{id}`.
struct DeleteUserAction: ScenarioAction {
    static let name = "deleteUser"
    static let performer = ActionCatalog.Definition.Performer.admin
    static let shorthand: String? = "user"
    static let summary = "DELETE /users/{id}"

    struct Arguments: Decodable {
        var user: String
    }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let actor = try await step.actor()
        let user = try await step.user(arguments.user, in: actor.tenant)
        let outcome = try await step.outcome { try await step.client(as: actor).deleteUser(user.id) }
        return ActionReport(outcome, "delete \(user.label)")
    }
}
