import TenantModel

/// `pp.settings.admin-required` — updating tenant settings needs a Power Platform or Global admin.
public struct SettingsAdminRequiredRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "pp.settings.admin-required",
        title: "Only Power Platform or Global administrators may change tenant settings",
        deniesWhen: "updateTenantSettings by a caller who is not a Power Platform or Global administrator (or a registered management app)",
        notApplicableWhen: "TenantSim itself builds the world",
        source: "§8.1",
        explanation:
            "Set-TenantSettings (updateTenantSettings) needs the Power Platform Administrator or Global Administrator role in the tenant whose settings change — for guest makers, the RESOURCE tenant.",
        wire: .adminAPI(403, "Forbidden", "The caller is not a Power Platform administrator and can't update tenant settings."))

    public func evaluate(_ context: DirectoryChangeContext) -> RuleOutcome {
        PowerPlatformAdminCheck.evaluate(context)
    }
}
