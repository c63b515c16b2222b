import OnboardingKit
import TenantModel

/// `removeSecurityRole: {user, environment, role}` — the `systemuserroles_association/$ref` delete.
struct RemoveSecurityRoleAction: ScenarioAction {
    static let name = "removeSecurityRole"
    static let performer = ActionCatalog.Definition.Performer.admin
    static let summary = "remove a security role"

    typealias Arguments = SecurityRoleArguments

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        try await step.changeSecurityRole(arguments, removing: true)
    }
}
