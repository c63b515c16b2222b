import OnboardingKit
import TenantEngine
import TenantModel

/// `redeem: contoso` — the guest opens the invitation link (or the `url` given) and accepts or
/// declines the consent prompt.
struct RedeemAction: ScenarioAction {
    static let name = "redeem"
    static let performer = ActionCatalog.Definition.Performer.guest
    static let shorthand: String? = "tenant"
    static let summary =
        "the guest opens the invitation link of `tenant`, or the `url` given (an inviteRedeemUrl); `consent`: accept (the default) or decline"

    struct Arguments: Decodable {
        var tenant: String
        var url: String?
        var consent: String?
    }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let consent = arguments.consent ?? "accept"
        if let url = arguments.url {
            let outcome = try await step.detailedOutcome { try await step.control.redeem(url: url, consent: consent) }
            return ActionReport(outcome, "\(step.account) opens the invitation link")
        }
        let tenant = try await step.engine.tenant(arguments.tenant)
        let outcome = try await step.detailedOutcome {
            let provider = try await step.control.redeem(address: step.account, tenant: tenant.id.rawValue, consent: consent)
            return provider.isEmpty ? nil : "redeemed with \(provider)"
        }
        return ActionReport(outcome, "\(step.account) redeems the invitation to \(tenant.displayName)")
    }
}
