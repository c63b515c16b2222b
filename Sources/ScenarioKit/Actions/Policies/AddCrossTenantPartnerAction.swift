import OnboardingKit
import TenantEngine
import TenantModel

/// `addCrossTenantPartner: fabrikam` — `POST /policies/crossTenantAccessPolicy/partners`, with any
/// further keys as the partner configuration.
struct AddCrossTenantPartnerAction: ScenarioAction {
    static let name = "addCrossTenantPartner"
    static let performer = ActionCatalog.Definition.Performer.admin
    static let shorthand: String? = "tenant"
    static let passthrough = true
    static let summary = "POST /policies/crossTenantAccessPolicy/partners"

    typealias Arguments = CrossTenantPartnerArguments

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let actor = try await step.actor()
        let partner = try await step.engine.tenant(arguments.tenant)
        var properties = arguments.properties
        properties["tenantId"] = .string(partner.id.rawValue)
        let body = try ActionContext.body(properties)
        let outcome = try await step.outcome { try await step.client(as: actor).addCrossTenantPartner(body) }
        return ActionReport(outcome, "add \(partner.displayName) as a cross-tenant partner of \(actor.tenant.displayName)")
    }
}
