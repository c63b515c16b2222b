import TenantModel
import TenantRules
import Testing

@Suite("pp.maker.guests-cannot-make")
struct MakerGuestsCannotMakeRuleTests {
    let rule = MakerGuestsCannotMakeRule()

    @Test("a guest may make apps once the resource tenant sets enableGuestsToMake = true")
    func resourceEnabledPermitted() {
        let context = Fixtures.maker()
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.makeApp.decide(context), including: "pp.maker.guests-cannot-make")
    }

    @Test("with the default settings (enableGuestsToMake = false) in the resource tenant a guest can't make apps")
    func resourceDefaultDenied() {
        let context = Fixtures.maker(resourceSettings: TenantSettings(tenantId: Fixtures.IDs.contoso))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.makeApp.decide(context)
        expectDenied(
            decision, by: "pp.maker.guests-cannot-make", status: 403, code: "GuestMakersNotEnabled",
            message: "Guest users are not allowed to make apps in this tenant.", surface: .adminAPI)
        #expect(
            decision.explanation.contains(
                "enableGuestsToMake is false in the RESOURCE tenant Contoso (contoso.onmicrosoft.com, commercial), where 'Contoso Sales' lives."))
        #expect(
            decision.explanation.contains(
                "A Power Platform or Global administrator of Contoso must run: $requestBody = Get-TenantSettings; $requestBody.powerPlatform.powerApps.enableGuestsToMake = $True; Set-TenantSettings $requestBody."
            ))
        #expect(!decision.explanation.contains("HOME tenant"))
    }

    @Test("enableGuestsToMake set only in the guest's HOME tenant doesn't help; the explanation points to the resource tenant")
    func homeOnlyDenied() {
        let context = Fixtures.maker(
            resourceSettings: Fixtures.settings(enableGuestsToMake: false),
            homeSettings: Fixtures.settings(of: Fixtures.IDs.fabrikam, enableGuestsToMake: true))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.makeApp.decide(context)
        expectDenied(decision, by: "pp.maker.guests-cannot-make", status: 403, code: "GuestMakersNotEnabled", surface: .adminAPI)
        #expect(decision.explanation.contains("enableGuestsToMake is false in the RESOURCE tenant Contoso"))
        #expect(decision.explanation.contains("It is set to true in the guest's HOME tenant Fabrikam"))
        #expect(
            decision.explanation.contains(
                "perform these steps on the resource tenant, not the home tenant — the home tenant's setting has no effect here"))
        #expect(decision.explanation.contains("A Power Platform or Global administrator of Contoso must run"))
        #expect(!decision.explanation.contains("administrator of Fabrikam"))
        #expect(decision.facts == [Fact("resourceTenant.enableGuestsToMake", false), Fact("homeTenant.enableGuestsToMake", true)])
    }

    @Test("a settings document without the powerApps block counts as the default (false)")
    func missingKeyDenied() {
        let context = Fixtures.maker(resourceSettings: TenantSettings(tenantId: Fixtures.IDs.contoso, document: .object([:])))
        #expect(rule.evaluate(context).effect == .forbid)
    }

    @Test("solution import and export are guarded by the same setting")
    func importExportDenied() {
        let context = Fixtures.maker(
            resourceSettings: TenantSettings(tenantId: Fixtures.IDs.contoso), roleNames: [SecurityRoleName.systemCustomizer], appKind: .solution)
        #expect(OperationRules.importSolution.decide(context).deniedBy == "pp.maker.guests-cannot-make")
    }

    @Test("the rule does not apply to a member, whatever the setting")
    func memberIsNotApplicable() {
        let context = Fixtures.maker(user: Fixtures.contosoMember(), resourceSettings: TenantSettings(tenantId: Fixtures.IDs.contoso))
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.makeApp.decide(context))
    }
}
