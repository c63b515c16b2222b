import Foundation
import OnboardingKit
import TenantModel

/// `assignPlatformRole: {user, role, environment?}` — the Power Platform API's role assignment at
/// the tenant, or at an environment.
struct AssignPlatformRoleAction: ScenarioAction {
    static let name = "assignPlatformRole"
    static let performer = ActionCatalog.Definition.Performer.admin
    static let summary =
        "Power Platform API role assignment at the tenant (no `environment`) or an environment; `role`: Power Platform owner, contributor, reader or role based access control administrator"

    struct Arguments: Decodable {
        var user: String
        var role: String
        var environment: String?
    }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let actor = try await step.actor()
        let user = try await step.session.user(arguments.user, in: actor.tenant)
        guard let definition = PlatformRoleDefinition.all.first(where: { $0.name.caseInsensitiveCompare(arguments.role) == .orderedSame }) else {
            let names = PlatformRoleDefinition.all.map(\.name)
            throw ScenarioFailure("role must be one of: \(names.joined(separator: ", "))\(DidYouMean.phrase(for: arguments.role, among: names))")
        }
        var scope = PlatformRoleAssignment.tenantScope(actor.tenant.id)
        var place = "the tenant"
        var environmentId: String?
        if let key = arguments.environment {
            let environment = try await step.session.environment(key)
            scope = PlatformRoleAssignment.environmentScope(environment)
            place = "'\(environment.displayName)'"
            environmentId = environment.id.rawValue
        }
        let outcome = try await step.outcome {
            try await step.client(as: actor).assignPlatformRole(definition.id, to: user.id.rawValue, scope: scope, environment: environmentId)
        }
        return ActionReport(outcome, "assign \(definition.name) to \(user.contactAddress) at \(place)")
    }
}
