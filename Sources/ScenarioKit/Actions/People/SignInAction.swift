import OnboardingKit
import TenantEngine
import TenantModel

/// `signIn: contoso` — the person signs in (no tenant: none chosen, as at `/common`); a guest whose
/// invitation is pending redeems just in time.
struct SignInAction: ScenarioAction {
    static let name = "signIn"
    static let performer = ActionCatalog.Definition.Performer.guest
    static let shorthand: String? = "tenant"
    static let summary =
        "the person signs in; `tenant` omitted: no tenant chosen; `client`: makerPortal, app, unifiedServiceDesk or token; `cloud`: global, usGovernment, china or a login host; a pending guest redeems just in time (`consent`: accept or decline)"

    struct Arguments: Decodable {
        var tenant: String?
        var client: String?
        var cloud: String?
        var consent: String?
    }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        var tenantId: String?
        var target = "without choosing a tenant"
        if let key = arguments.tenant {
            let tenant = try await step.engine.tenant(key)
            tenantId = tenant.id.rawValue
            target = "to \(tenant.displayName)"
        }
        let outcome = try await step.detailedOutcome {
            let notes = try await step.control.signIn(
                account: step.account, tenant: tenantId, client: arguments.client, cloud: arguments.cloud, consent: arguments.consent)
            return notes.isEmpty ? nil : notes.joined(separator: "; ")
        }
        return ActionReport(outcome, "\(step.account) signs in \(target)\(arguments.client.map { " with \($0)" } ?? "")")
    }
}
