import TenantModel
import TenantRules
import Testing

@Suite("pp.maker.dataverse-license-missing")
struct MakerDataverseLicenseMissingRuleTests {
    let rule = MakerDataverseLicenseMissingRule()
    let customizer: Set<String> = [SecurityRoleName.environmentMaker, SecurityRoleName.systemCustomizer]

    @Test(
        "a guest with a Dataverse licence in the resource tenant may build Dataverse and solution apps",
        arguments: [
            AppKind.canvasOnDataverse, .modelDriven, .solution,
        ])
    func resourceLicencePermitted(kind: AppKind) {
        let context = Fixtures.maker(roleNames: customizer, licenses: Fixtures.licenses(resource: [Fixtures.dataverseLicense()]), appKind: kind)
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.makeApp.decide(context), including: "pp.maker.dataverse-license-missing")
    }

    @Test("a Dataverse licence only in the guest's HOME tenant doesn't count; the explanation points to the resource tenant")
    func homeOnlyLicenceDenied() {
        let context = Fixtures.maker(licenses: Fixtures.homeOnlyDataverse(), appKind: .canvasOnDataverse)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.makeApp.decide(context)
        expectDenied(
            decision, by: "pp.maker.dataverse-license-missing", status: 403, code: "DataverseLicenseRequired",
            message: "A license with Dataverse use rights assigned in this tenant is required to build this app.", surface: .adminAPI)
        #expect(
            decision.explanation.contains(
                "Building a canvasOnDataverse app needs a licence with Dataverse use rights assigned to Pat Guest (pat@fabrikam.com) in the RESOURCE tenant Contoso"
            ))
        #expect(decision.explanation.contains("there it holds (none)"))
        #expect(
            decision.explanation.contains(
                "The licence the guest holds in their HOME tenant Fabrikam (POWERAPPS_PER_USER [Dataverse]) does not count."))
        #expect(decision.explanation.hasSuffix("Assign one in Contoso."))
    }

    @Test("a resource-tenant licence without Dataverse rights isn't enough either")
    func powerAppsOnlyDenied() {
        let context = Fixtures.maker(licenses: Fixtures.licenses(resource: [Fixtures.powerAppsOnlyLicense()]), appKind: .canvasOnDataverse)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.makeApp.decide(context)
        expectDenied(decision, by: "pp.maker.dataverse-license-missing", status: 403, code: "DataverseLicenseRequired", surface: .adminAPI)
        #expect(decision.explanation.contains("there it holds ENTERPRISEPACK."))
        #expect(!decision.explanation.contains("HOME tenant"))
    }

    @Test("importing a solution without a resource-tenant Dataverse licence is denied by this rule before the role check")
    func importExportDenied() {
        let context = Fixtures.maker(roleNames: [SecurityRoleName.environmentMaker], licenses: Fixtures.homeOnlyDataverse(), appKind: .solution)
        #expect(OperationRules.importSolution.decide(context).deniedBy == "pp.maker.dataverse-license-missing")
    }

    @Test("the rule does not apply to a canvas app without Dataverse: a home-tenant licence is fine there")
    func canvasIsNotApplicable() {
        let context = Fixtures.maker(licenses: Fixtures.homeOnlyDataverse(), appKind: .canvas)
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.makeApp.decide(context))
    }

    @Test("the rule does not apply to a member")
    func memberIsNotApplicable() {
        let context = Fixtures.maker(user: Fixtures.contosoMember(), licenses: Fixtures.licenses(), appKind: .canvasOnDataverse)
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.makeApp.decide(context))
    }
}
