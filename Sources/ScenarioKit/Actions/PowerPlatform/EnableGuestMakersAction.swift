import OnboardingKit
import TenantModel

/// `enableGuestMakers: true` — `powerPlatform.powerApps.enableGuestsToMake` through the admin API.
struct EnableGuestMakersAction: ScenarioAction {
    static let name = "enableGuestMakers"
    static let performer = ActionCatalog.Definition.Performer.admin
    static let shorthand: String? = "enabled"
    static let summary = "admin API updateTenantSettings powerPlatform.powerApps.enableGuestsToMake"

    struct Arguments: Decodable {
        var enabled: Bool?
    }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let actor = try await step.actor()
        let enabled = arguments.enabled ?? true
        let outcome = try await step.outcome { _ = try await step.client(as: actor).setGuestsCanMake(enabled) }
        return ActionReport(outcome, "set enableGuestsToMake = \(enabled) in \(actor.tenant.displayName)")
    }
}
