import OnboardingKit
import TenantEngine
import TenantModel

/// `updateCrossTenantPartner: {tenant, …}` — `PATCH /policies/crossTenantAccessPolicy/partners/{tenantId}`.
struct UpdateCrossTenantPartnerAction: ScenarioAction {
    static let name = "updateCrossTenantPartner"
    static let performer = ActionCatalog.Definition.Performer.admin
    static let passthrough = true
    static let summary = "PATCH /policies/crossTenantAccessPolicy/partners/{tenantId}"

    typealias Arguments = CrossTenantPartnerArguments

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let actor = try await step.actor()
        let partner = try await step.engine.tenant(arguments.tenant)
        let body = try ActionContext.body(arguments.properties)
        let outcome = try await step.outcome { try await step.client(as: actor).updateCrossTenantPartner(partner.id.rawValue, body) }
        return ActionReport(outcome, "change \(partner.displayName) as a cross-tenant partner of \(actor.tenant.displayName)")
    }
}
