import TenantModel
import TenantRules
import Testing

@Suite("pp.maker.authoring-scope")
struct MakerAuthoringScopeRuleTests {
    let rule = MakerAuthoringScopeRule()

    @Test(
        "System Customizer or System Administrator may author model-driven apps and solutions",
        arguments: [
            SecurityRoleName.systemCustomizer, SecurityRoleName.systemAdministrator,
        ], [AppKind.modelDriven, .solution])
    func customizerPermitted(role: String, kind: AppKind) {
        let context = Fixtures.maker(roleNames: [SecurityRoleName.environmentMaker, role], appKind: kind)
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.makeApp.decide(context), including: "pp.maker.authoring-scope")
    }

    @Test("Environment Maker alone can't author a model-driven app (needs System Customizer)")
    func environmentMakerModelDrivenDenied() {
        let context = Fixtures.maker(roleNames: [SecurityRoleName.environmentMaker], appKind: .modelDriven)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.makeApp.decide(context)
        expectDenied(
            decision, by: "pp.maker.authoring-scope", status: 403, code: "0x80040220",
            message: "Principal user is missing prvCreateEntity privilege.", surface: .dataverse)
        #expect(decision.explanation.contains("holds Environment Maker in 'Contoso Sales'"))
        #expect(decision.explanation.contains("Environment Maker can't author model-driven apps"))
        #expect(decision.explanation.contains("assign System Customizer in addition"))
        #expect(namesTenant(decision.explanation))
    }

    @Test("Environment Maker alone can't author a solution, and the explanation says 'solutions'")
    func environmentMakerSolutionDenied() {
        let decision = OperationRules.makeApp.decide(Fixtures.maker(roleNames: [SecurityRoleName.environmentMaker], appKind: .solution))
        expectDenied(decision, by: "pp.maker.authoring-scope", status: 403, code: "0x80040220", surface: .dataverse)
        #expect(decision.explanation.contains("Environment Maker can't author solutions"))
    }

    @Test("members are limited the same way outside the guest rules")
    func memberDenied() {
        let context = Fixtures.maker(user: Fixtures.contosoMember(), roleNames: [SecurityRoleName.environmentMaker], appKind: .modelDriven)
        #expect(OperationRules.makeApp.decide(context).deniedBy == "pp.maker.authoring-scope")
    }

    @Test("the rule does not apply to canvas apps, with or without Dataverse", arguments: [AppKind.canvas, .canvasOnDataverse])
    func canvasIsNotApplicable(kind: AppKind) {
        let context = Fixtures.maker(roleNames: [SecurityRoleName.environmentMaker], appKind: kind)
        let outcome = rule.evaluate(context)
        #expect(outcome.effect == .notApplicable)
        #expect(outcome.facts == [Fact("app.kind", kind.rawValue)])
        expectPermitted(OperationRules.makeApp.decide(context))
    }
}
