import OnboardingKit
import TenantModel

/// `removeFromGroup: {user, group}` — `DELETE /groups/{id}/members/{id}/$ref`.
struct RemoveFromGroupAction: ScenarioAction {
    static let name = "removeFromGroup"
    static let performer = ActionCatalog.Definition.Performer.admin
    static let summary = "DELETE /groups/{id}/members/{id}/$ref"

    typealias Arguments = UserGroupArguments

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let actor = try await step.actor()
        let user = try await step.user(arguments.user, in: actor.tenant)
        let group = try await step.group(arguments.group, in: actor.tenant.id)
        let outcome = try await step.outcome { try await step.client(as: actor).removeMember(user.id, fromGroup: group.id.rawValue) }
        return ActionReport(outcome, "remove \(user.label) from '\(group.displayName)'")
    }
}
