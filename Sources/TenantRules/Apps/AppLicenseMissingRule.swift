import TenantModel

/// `pp.app.license-missing` — running an app needs a Power Apps licence that counts (§3.3).
public struct AppLicenseMissingRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "pp.app.license-missing",
        title: "The user has no Power Apps licence that counts for this app",
        deniesWhen:
            "a canvas app without Dataverse is run with no Power Apps licence in the hosting tenant or (for guests, same cloud) the home tenant; a Dataverse app with no Dataverse licence in the hosting tenant",
        notApplicableWhen: "the user owns the app",
        source:
            "Microsoft Learn, Power Apps: \"Share a canvas app with guest users\" (Prerequisites, and Considerations and limitations for guest access: a licence from the hosting or the home tenant counts for apps without Dataverse, never across Azure clouds); emulator choice: error code and text, and no split between standard and premium connectors (the licence table under Frequently asked questions)",
        explanation:
            "For canvas apps without Dataverse a Power Apps licence from either the hosting tenant or the guest's home tenant counts (never across clouds); apps that use Dataverse need a licence assigned in the hosting tenant.",
        wire: .adminAPI(403, "NoValidLicense", "You need a Power Apps license to run this app."))

    public func evaluate(_ context: RunAppContext) -> RuleOutcome {
        if context.app.ownerId == context.user.id { return .notApplicable([Fact("user.isOwner", true)]) }
        let licenses = context.licenses
        let sameCloud = licenses.homeTenant.map { $0.cloud == context.environment.cloud } ?? false
        let facts = [
            Fact("app.kind", context.app.kind.rawValue), Fact("licenses.hostingTenant", licenses.resourceSummary),
            Fact("licenses.homeTenant", licenses.homeSummary), Fact("homeTenant.sameCloud", sameCloud),
        ]
        if context.app.kind.usesDataverse {
            if licenses.hasResourceDataverse { return .permit(facts) }
            return .forbid(
                facts,
                explanation:
                    "'\(context.app.name)' uses Dataverse, so \(context.user.label) needs a licence with Dataverse rights assigned in \(context.tenant.displayName), the hosting tenant; home-tenant licences don't count for Dataverse apps."
            )
        }
        if licenses.hasResourcePowerApps || (context.user.isGuest && sameCloud && licenses.hasHomePowerApps) { return .permit(facts) }
        let crossCloud =
            licenses.hasHomePowerApps && !sameCloud
            ? " The home tenant's licence is in another cloud, and licences are never recognized across clouds." : ""
        return .forbid(
            facts,
            explanation:
                "\(context.user.label) has no Power Apps licence that counts for '\(context.app.name)'.\(crossCloud) Assign one in \(context.tenant.displayName), or (for a guest from the same cloud) in their home tenant."
        )
    }
}
