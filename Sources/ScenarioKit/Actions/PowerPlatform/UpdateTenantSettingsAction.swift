import OnboardingKit
import TenantModel

/// `updateTenantSettings: {powerPlatform: …}` — the admin API's `updateTenantSettings` with the
/// step's keys as the partial settings document.
struct UpdateTenantSettingsAction: ScenarioAction {
    static let name = "updateTenantSettings"
    static let performer = ActionCatalog.Definition.Performer.admin
    static let passthrough = true
    static let summary = "admin API updateTenantSettings (partial document)"

    typealias Arguments = GraphProperties

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let actor = try await step.actor()
        let body = try ActionContext.body(arguments.values)
        let outcome = try await step.outcome { _ = try await step.client(as: actor).updateTenantSettings(body) }
        return ActionReport(outcome, "update the Power Platform tenant settings of \(actor.tenant.displayName)")
    }
}
