import OnboardingKit
import TenantModel

/// `addToGroup: {user, group}` — `POST /groups/{id}/members/$ref`.
struct AddToGroupAction: ScenarioAction {
    static let name = "addToGroup"
    static let performer = ActionCatalog.Definition.Performer.admin
    static let summary = "POST /groups/{id}/members/$ref"

    typealias Arguments = UserGroupArguments

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let actor = try await step.actor()
        let user = try await step.user(arguments.user, in: actor.tenant)
        let group = try await step.group(arguments.group, in: actor.tenant.id)
        let outcome = try await step.outcome { try await step.client(as: actor).addMemberReference(user.id, toGroup: group.id.rawValue) }
        return ActionReport(outcome, "add \(user.label) to '\(group.displayName)'")
    }
}
