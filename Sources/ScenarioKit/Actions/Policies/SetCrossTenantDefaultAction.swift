import OnboardingKit
import TenantModel

/// `setCrossTenantDefault: {b2bCollaborationInbound: …}` — `PATCH
/// /policies/crossTenantAccessPolicy/default` with the step's keys as Graph's body.
struct SetCrossTenantDefaultAction: ScenarioAction {
    static let name = "setCrossTenantDefault"
    static let performer = ActionCatalog.Definition.Performer.admin
    static let passthrough = true
    static let summary = "PATCH /policies/crossTenantAccessPolicy/default (Graph body)"

    typealias Arguments = GraphProperties

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let actor = try await step.actor()
        let body = try ActionContext.body(arguments.values)
        let outcome = try await step.outcome { try await step.client(as: actor).updateCrossTenantDefault(body) }
        return ActionReport(outcome, "change the default cross-tenant access settings of \(actor.tenant.displayName)")
    }
}
