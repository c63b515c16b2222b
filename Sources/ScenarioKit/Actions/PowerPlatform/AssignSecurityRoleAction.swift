import OnboardingKit
import TenantModel

/// `assignSecurityRole: {user, environment, role}` — as an admin's script does it: find the
/// systemuser and the role, then `systemuserroles_association/$ref` (or the admin API for an
/// environment without Dataverse).
struct AssignSecurityRoleAction: ScenarioAction {
    static let name = "assignSecurityRole"
    static let performer = ActionCatalog.Definition.Performer.admin
    static let summary =
        "Dataverse systemuserroles_association (the admin API's modifyRoleAssignments for an environment without Dataverse)"

    typealias Arguments = SecurityRoleArguments

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        try await step.changeSecurityRole(arguments, removing: false)
    }
}
