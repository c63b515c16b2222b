import TenantModel

/// `pp.settings.admin-required` — updating tenant settings needs a Power Platform or Global admin.
public struct SettingsAdminRequiredRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "pp.settings.admin-required",
        title: "Only Power Platform or Global administrators may change tenant settings",
        deniesWhen: "updateTenantSettings by a caller who is not a Power Platform or Global administrator (or a registered management app)",
        notApplicableWhen: "TenantSim itself builds the world",
        source:
            "Microsoft Learn, Power Platform admin: \"Invite users with Microsoft Entra B2B collaboration\" (Power Apps support for B2B guest maker, step 2: Set-TenantSettings); Microsoft Learn, Power Platform admin: \"Tenant settings\" (the admin roles that may manage tenant settings); Microsoft Learn, Power Platform admin: \"Creating a service principal application using PowerShell\" (Limitations of service principals: a registered app can manage tenant settings); emulator choice: Dynamics 365 Administrator, which the Tenant settings page also lists, is not accepted, and the error code and text are TenantSim's",
        explanation:
            "Set-TenantSettings (updateTenantSettings) needs the Power Platform Administrator or Global Administrator role in the tenant whose settings change — for guest makers, the RESOURCE tenant.",
        wire: .adminAPI(403, "Forbidden", "The caller is not a Power Platform administrator and can't update tenant settings."))

    public func evaluate(_ context: DirectoryChangeContext) -> RuleOutcome {
        PowerPlatformAdminCheck.evaluate(context)
    }
}
