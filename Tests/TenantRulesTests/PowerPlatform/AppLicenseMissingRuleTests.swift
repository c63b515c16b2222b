import TenantModel
import TenantRules
import Testing

@Suite("pp.app.license-missing")
struct AppLicenseMissingRuleTests {
    let rule = AppLicenseMissingRule()

    /// Pat (guest) running a shared app in the commercial Sales environment, licensed only in a
    /// Fabrikam in `homeCloud`.
    func guestLicensedAtHome(
        in homeCloud: Cloud, sku: SubscribedSku = Fixtures.powerAppsOnlyLicense(in: Fixtures.IDs.fabrikam), kind: AppKind = .canvas
    ) -> RunAppContext {
        let fabrikam = Fixtures.fabrikam(cloud: homeCloud)
        return Fixtures.runApp(
            user: Fixtures.entraGuest(home: fabrikam), app: Fixtures.madeApp(kind: kind),
            licenses: Fixtures.licenses(home: [sku], homeTenant: fabrikam))
    }

    @Test(
        "a Power Apps licence in the hosting tenant lets anyone run a canvas app",
        arguments: [
            Fixtures.entraGuest(), Fixtures.contosoMember(id: "c0000009-0000-4000-8000-000000000009", mail: "kim@contoso.com"),
        ])
    func hostingTenantLicencePermitted(user: User) {
        let context = Fixtures.runApp(user: user, app: Fixtures.madeApp(sharedWith: [user.id]))
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.runCanvasApp.decide(context), including: "pp.app.license-missing")
    }

    @Test("a guest's home-tenant Power Apps licence counts for a canvas app when the home tenant is in the same cloud")
    func homeLicenceSameCloudPermitted() {
        let context = guestLicensedAtHome(in: .commercial)
        let outcome = rule.evaluate(context)
        #expect(outcome.effect == .permit)
        #expect(outcome.facts.contains(Fact("homeTenant.sameCloud", true)))
        expectPermitted(OperationRules.runCanvasApp.decide(context), including: "pp.app.license-missing")
    }

    @Test("a home-tenant licence from another cloud never counts", arguments: [Cloud.gccHigh, .dod, .china])
    func homeLicenceOtherCloudDenied(homeCloud: Cloud) {
        let context = guestLicensedAtHome(in: homeCloud)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.runCanvasApp.decide(context)
        expectDenied(
            decision, by: "pp.app.license-missing", status: 403, code: "NoValidLicense",
            message: "You need a Power Apps license to run this app.", surface: .adminAPI)
        #expect(decision.explanation.contains("Pat Guest (pat@fabrikam.com) has no Power Apps licence that counts for 'Sales tracker'."))
        #expect(decision.explanation.contains("The home tenant's licence is in another cloud, and licences are never recognized across clouds."))
        #expect(decision.explanation.contains("Assign one in Contoso, or (for a guest from the same cloud) in their home tenant."))
        #expect(decision.facts.contains(Fact("homeTenant.sameCloud", false)))
    }

    @Test("without any Power Apps licence a canvas app can't be run, and no cloud is blamed")
    func noLicenceDenied() {
        let context = Fixtures.runApp(licenses: Fixtures.licenses(resource: [Fixtures.nonPowerPlatformLicense()]))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.runCanvasApp.decide(context)
        expectDenied(decision, by: "pp.app.license-missing", status: 403, code: "NoValidLicense", surface: .adminAPI)
        #expect(!decision.explanation.contains("another cloud"))
        #expect(decision.explanation.contains("Assign one in Contoso"))
    }

    @Test("Dataverse apps need a Dataverse licence in the hosting tenant", arguments: [AppKind.canvasOnDataverse, .modelDriven, .solution])
    func dataverseAppWithResourceLicencePermitted(kind: AppKind) {
        let context = Fixtures.runApp(app: Fixtures.madeApp(kind: kind), licenses: Fixtures.licenses(resource: [Fixtures.dataverseLicense()]))
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.runCanvasApp.decide(context))
    }

    @Test(
        "for a Dataverse app neither a same-cloud home-tenant Dataverse licence nor a hosting-tenant Power Apps-only licence counts",
        arguments: [
            false, true,
        ])
    func dataverseAppWithoutResourceDataverseDenied(resourcePowerAppsOnly: Bool) {
        let context =
            resourcePowerAppsOnly
            ? Fixtures.runApp(
                app: Fixtures.madeApp(kind: .canvasOnDataverse), licenses: Fixtures.licenses(resource: [Fixtures.powerAppsOnlyLicense()]))
            : guestLicensedAtHome(in: .commercial, sku: Fixtures.dataverseLicense(in: Fixtures.IDs.fabrikam), kind: .canvasOnDataverse)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.runCanvasApp.decide(context)
        expectDenied(decision, by: "pp.app.license-missing", status: 403, code: "NoValidLicense", surface: .adminAPI)
        #expect(
            decision.explanation.contains(
                "'Sales tracker' uses Dataverse, so Pat Guest (pat@fabrikam.com) needs a licence with Dataverse rights assigned in Contoso, the hosting tenant; home-tenant licences don't count for Dataverse apps."
            ))
    }

    @Test("the rule does not apply to the app's owner")
    func ownerIsNotApplicable() {
        let context = Fixtures.runApp(user: Fixtures.contosoMember(), app: Fixtures.madeApp(kind: .canvasOnDataverse), licenses: Fixtures.licenses())
        let outcome = rule.evaluate(context)
        #expect(outcome.effect == .notApplicable)
        #expect(outcome.facts == [Fact("user.isOwner", true)])
        expectPermitted(OperationRules.runCanvasApp.decide(context))
    }
}
