import TenantModel

/// `pp.dataverse.license-missing` — no licence with Dataverse rights at all.
public struct DataverseLicenseMissingRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "pp.dataverse.license-missing",
        title: "The user has no licence with Dataverse rights",
        deniesWhen:
            "the user holds no licence with Dataverse / customer engagement rights (Global, Power Platform and Dynamics 365 admins are exempt)",
        notApplicableWhen:
            "the environment has no Dataverse, the user is an exempt admin, or a guest's only licence is in their home tenant (pp.dataverse.guest-license-wrong-tenant decides)",
        source:
            "Microsoft Learn, Power Platform admin: \"Invite users with Microsoft Entra B2B collaboration\" (Invite a user: \"Until you add a license to the user account, the user doesn't have access to customer engagement apps\"); Microsoft Learn, Power Platform admin: \"Create users\" (Requirements for successfully adding users in Dataverse: admins need no licence); emulator choice: error code and text, and the page's other exceptions (app-pass capacity, a tenant Marketing licence, free Microsoft 365 Dataverse plans) are not modelled",
        explanation:
            "Until a licence with Dataverse rights is assigned, the user can't be added to the environment's Dataverse and can't use customer engagement apps. Assign one (e.g. Power Apps Premium or a Dynamics 365 licence) in the environment's tenant.",
        wire: .adminAPI(403, "NoValidLicense", "The user doesn't have a valid license to access this environment."))

    public func evaluate(_ context: EnvironmentAccessContext) -> RuleOutcome {
        guard context.environment.hasDataverse else { return .notApplicable([Fact("environment.dataverse", false)]) }
        if context.isExemptAdmin { return .notApplicable([Fact("user.exemptAdminRoles", context.exemptRoleNames.joined(separator: ", "))]) }
        let facts = [
            Fact("licenses.environmentTenant", context.licenses.resourceSummary),
            Fact("licenses.homeTenant", context.licenses.homeSummary),
        ]
        if context.licenses.hasResourceDataverse { return .permit(facts) }
        if context.user.isGuest && context.licenses.hasHomeDataverse { return .notApplicable(facts) }
        return .forbid(
            facts,
            explanation:
                "\(context.user.label) has no licence with Dataverse rights in \(context.tenant.displayName), the environment's tenant (\(context.licenses.resourceSummary)). \"Until you add a license to the user account, the user doesn't have access to customer engagement apps\" (\(LearnPage.cite(.licenseAndSecurityRole))). Assign a licence with Dataverse rights in \(context.tenant.displayName) (set usageLocation first)."
        )
    }
}
