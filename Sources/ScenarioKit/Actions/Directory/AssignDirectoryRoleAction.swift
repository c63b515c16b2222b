import Foundation
import OnboardingKit
import TenantModel

/// `assignDirectoryRole: {user, role}` — `POST /roleManagement/directory/roleAssignments` with the
/// role's template id (a display name such as `Guest Inviter`, or the id itself).
struct AssignDirectoryRoleAction: ScenarioAction {
    static let name = "assignDirectoryRole"
    static let performer = ActionCatalog.Definition.Performer.admin
    static let summary = "POST /roleManagement/directory/roleAssignments"

    struct Arguments: Decodable {
        var user: String
        var role: String
    }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let actor = try await step.actor()
        let user = try await step.user(arguments.user, in: actor.tenant)
        guard let templateId = DirectoryRoleTemplate.find(arguments.role)?.id ?? UUID(uuidString: arguments.role).map({ _ in arguments.role }) else {
            let names = DirectoryRoleTemplate.all.map(\.displayName)
            throw ScenarioFailure(
                "no directory role '\(arguments.role)'\(DidYouMean.phrase(for: arguments.role, among: names)) (known: \(names.joined(separator: ", ")))"
            )
        }
        let outcome = try await step.outcome { try await step.client(as: actor).assignDirectoryRole(templateId, to: user.id) }
        return ActionReport(outcome, "give \(user.label) the \(arguments.role) role")
    }
}
