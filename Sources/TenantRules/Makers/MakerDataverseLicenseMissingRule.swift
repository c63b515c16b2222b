import TenantModel

/// `pp.maker.dataverse-license-missing` — Dataverse apps need a Dataverse licence in the resource tenant.
public struct MakerDataverseLicenseMissingRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "pp.maker.dataverse-license-missing",
        title: "Building on Dataverse needs a Dataverse licence in the resource tenant",
        deniesWhen:
            "the app uses Dataverse or lives in a solution and the guest has no licence with Dataverse use rights assigned in the resource tenant",
        notApplicableWhen: "the user is a member, or the app is a canvas app without Dataverse",
        source:
            "Microsoft Learn, Power Platform admin: \"Invite users with Microsoft Entra B2B collaboration\" (Known limitations, item 2); emulator choice: error code and text (Microsoft documents the condition, not the error it answers with)",
        explanation:
            "A guest maker who builds apps on Dataverse or in a solution needs a licence with Dataverse use rights assigned in the RESOURCE tenant; a licence from their home tenant doesn't count.",
        wire: .adminAPI(403, "DataverseLicenseRequired", "A license with Dataverse use rights assigned in this tenant is required to build this app.")
    )

    public func evaluate(_ context: MakerContext) -> RuleOutcome {
        guard context.isGuest else { return .notApplicable([Fact("user.userType", "Member")]) }
        guard context.appKind.usesDataverse else { return .notApplicable([Fact("app.kind", context.appKind.rawValue)]) }
        let facts = [
            Fact("app.kind", context.appKind.rawValue), Fact("licenses.resourceTenant", context.licenses.resourceSummary),
            Fact("licenses.homeTenant", context.licenses.homeSummary),
        ]
        if context.licenses.hasResourceDataverse { return .permit(facts) }
        var explanation =
            "Building a \(context.appKind.rawValue) app needs a licence with Dataverse use rights assigned to \(context.user.label) in the RESOURCE tenant \(context.resourceTenant.displayName) (\(LearnPage.cite(.knownLimitations))); there it holds \(context.licenses.resourceSummary)."
        if context.licenses.hasHomeDataverse {
            explanation +=
                " The licence the guest holds in their HOME tenant \(context.licenses.homeTenant?.displayName ?? "") (\(context.licenses.homeSummary)) does not count."
        }
        explanation += " Assign one in \(context.resourceTenant.displayName)."
        return .forbid(facts, explanation: explanation)
    }
}
