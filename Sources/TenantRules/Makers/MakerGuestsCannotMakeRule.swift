import TenantModel

/// `pp.maker.guests-cannot-make` — `enableGuestsToMake` is off in the resource tenant.
public struct MakerGuestsCannotMakeRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "pp.maker.guests-cannot-make",
        title: "Guest makers are not enabled in the resource tenant",
        deniesWhen: "powerPlatform.powerApps.enableGuestsToMake is false (the default) in the resource tenant",
        notApplicableWhen: "the user is a member",
        source:
            "Microsoft Learn, Power Platform admin: \"Invite users with Microsoft Entra B2B collaboration\" (Power Apps support for B2B guest maker, step 2: enableGuestsToMake); Microsoft Learn, Power Platform admin: \"List tenant settings\" (powerPlatform.powerApps.enableGuestsToMake, false by default); emulator choice: error code and text (Microsoft documents the condition, not the error it answers with)",
        explanation:
            "Guests may only make apps once the RESOURCE tenant sets powerPlatform.powerApps.enableGuestsToMake = true ($requestBody = Get-TenantSettings; $requestBody.powerPlatform.powerApps.enableGuestsToMake = $True; Set-TenantSettings $requestBody).",
        wire: .adminAPI(403, "GuestMakersNotEnabled", "Guest users are not allowed to make apps in this tenant."))

    public func evaluate(_ context: MakerContext) -> RuleOutcome {
        guard context.isGuest else { return .notApplicable([Fact("user.userType", "Member")]) }
        let resource = context.resourceSettings.enableGuestsToMake
        var facts = [Fact("resourceTenant.enableGuestsToMake", resource)]
        if let home = context.homeSettings { facts.append(Fact("homeTenant.enableGuestsToMake", home.enableGuestsToMake)) }
        if resource { return .permit(facts) }
        var explanation =
            "enableGuestsToMake is false in the RESOURCE tenant \(context.resourceTenant.label), where '\(context.environment.displayName)' lives."
        if let home = context.homeSettings, home.enableGuestsToMake, let homeTenant = context.homeTenant {
            explanation +=
                " It is set to true in the guest's HOME tenant \(homeTenant.displayName), but Microsoft Learn says: perform these steps on the resource tenant, not the home tenant — the home tenant's setting has no effect here (\(LearnPage.cite(.guestMaker)))."
        }
        explanation +=
            " A Power Platform or Global administrator of \(context.resourceTenant.displayName) must run: $requestBody = Get-TenantSettings; $requestBody.powerPlatform.powerApps.enableGuestsToMake = $True; Set-TenantSettings $requestBody."
        return .forbid(facts, explanation: explanation)
    }
}
