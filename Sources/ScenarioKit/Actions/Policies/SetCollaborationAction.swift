import OnboardingKit
import TenantModel

/// `setCollaboration: {allowedDomains | blockedDomains}` — the domain allow or deny list of
/// External collaboration settings (no Graph v1.0 API; TenantSim's control API, as the admin).
struct SetCollaborationAction: ScenarioAction {
    static let name = "setCollaboration"
    static let performer = ActionCatalog.Definition.Performer.admin
    static let summary =
        "set the collaboration domain allow or deny list (control API: no Graph v1.0 API)"

    struct Arguments: Decodable {
        var allowedDomains: [String]?
        var blockedDomains: [String]?
    }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let actor = try await step.actor()
        guard case .user(let admin, let tenant) = actor else { throw ScenarioFailure("collaboration restrictions are set by a signed-in admin") }
        let outcome = try await step.outcome {
            try await step.control.setCollaborationRestrictions(
                allowedDomains: arguments.allowedDomains, blockedDomains: arguments.blockedDomains, as: admin.userPrincipalName)
        }
        return ActionReport(outcome, "set collaboration restrictions of \(tenant.displayName)")
    }
}
