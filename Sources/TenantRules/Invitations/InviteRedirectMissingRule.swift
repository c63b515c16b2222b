import Foundation
import TenantModel

/// `b2b.invite.redirect-missing` — `inviteRedirectUrl` missing or not an absolute URL.
public struct InviteRedirectMissingRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "b2b.invite.redirect-missing",
        title: "The invitation has no absolute redirect URL",
        deniesWhen: "inviteRedirectUrl is missing or is not an absolute http(s) URL",
        notApplicableWhen: "TenantSim itself builds the world (fixtures default the redirect to https://myapps.microsoft.com)",
        source:
            "Microsoft Learn, Microsoft Graph: \"Create invitation\" (Request body: inviteRedirectUrl is required); emulator choice: the absolute http(s) URL check and the error text (Microsoft documents the property as required, not its format or the error)",
        explanation:
            "inviteRedirectUrl is required: it is where the guest lands after redeeming. Use an absolute URL such as https://myapps.microsoft.com/?tenantid=<resource tenant id> or the environment URL.",
        wire: .graph(400, "BadRequest", "The inviteRedirectUrl is missing or not an absolute URL.", .emulator))

    public func evaluate(_ context: InvitationContext) -> RuleOutcome {
        if context.caller.isSystem { return .notApplicable(context.caller.facts) }
        guard let text = context.request.inviteRedirectUrl, !text.isEmpty else {
            return .forbid([Fact("inviteRedirectUrl", "(missing)")])
        }
        let facts = [Fact("inviteRedirectUrl", text)]
        if Self.isAbsolute(text) { return .permit(facts) }
        return .forbid(
            facts,
            explanation:
                "'\(text)' is not an absolute http(s) URL. inviteRedirectUrl must include the scheme and host, e.g. https://myapps.microsoft.com.",
            message: "The inviteRedirectUrl '\(text)' is not an absolute URL.")
    }

    public static func isAbsolute(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "https" || scheme == "http", let host = components.host, !host.isEmpty
        else { return false }
        return true
    }
}
