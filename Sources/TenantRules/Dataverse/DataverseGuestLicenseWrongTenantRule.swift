import TenantModel

/// `pp.dataverse.guest-license-wrong-tenant` — a guest's only qualifying licence is in their home tenant.
public struct DataverseGuestLicenseWrongTenantRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "pp.dataverse.guest-license-wrong-tenant",
        title: "The guest's licence is in their home tenant, not the environment's",
        deniesWhen: "a guest's only licence with Dataverse rights is assigned in their home tenant, not in the environment's tenant",
        notApplicableWhen: "the user is a member, the environment has no Dataverse, or the user is an exempt admin",
        source:
            "Microsoft Learn, Power Platform admin: \"Invite users with Microsoft Entra B2B collaboration\" (Known limitations, item 2); Microsoft Learn, Power Platform admin: \"Create users\" (Requirements for successfully adding users in Dataverse: \"Guest users should also have a license from the environment's tenant\"); emulator choice: error code and text (Microsoft documents the condition, not the error it answers with)",
        explanation:
            "Power Platform only counts a guest's licence when it is assigned in the environment's (resource) tenant; a licence from the guest's home tenant is not valid. Assign a licence with Dataverse rights to the guest object in the resource tenant.",
        wire: .adminAPI(
            403, "NoValidLicense",
            "The guest user doesn't have a valid license in this tenant. Licenses assigned in the guest's home tenant are not valid."))

    public func evaluate(_ context: EnvironmentAccessContext) -> RuleOutcome {
        guard context.user.isGuest, context.environment.hasDataverse, !context.isExemptAdmin else { return .notApplicable() }
        let facts = [
            Fact("licenses.environmentTenant", context.licenses.resourceSummary),
            Fact("licenses.homeTenant", context.licenses.homeSummary),
        ]
        guard !context.licenses.hasResourceDataverse, context.licenses.hasHomeDataverse else { return .permit(facts) }
        let home = context.licenses.homeTenant?.displayName ?? "their home tenant"
        return .forbid(
            facts,
            explanation:
                "\(context.user.label) holds \(context.licenses.homeSummary) in \(home) (their HOME tenant), but Power Platform only counts licences assigned in \(context.tenant.label), the environment's RESOURCE tenant. Assign a licence with Dataverse rights to the guest in \(context.tenant.displayName)."
        )
    }
}
