import TenantModel
import TenantRules
import Testing

@Suite("pp.solution.import-export-role")
struct SolutionImportExportRoleRuleTests {
    let rule = SolutionImportExportRoleRule()

    @Test(
        "a guest with System Customizer or System Administrator may import and export solutions",
        arguments: [
            SecurityRoleName.systemCustomizer, SecurityRoleName.systemAdministrator,
        ])
    func customizerPermitted(role: String) {
        let context = Fixtures.maker(roleNames: [role], appKind: .solution)
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.importSolution.decide(context), including: "pp.solution.import-export-role")
    }

    @Test(
        "a guest with only Environment Maker can't import or export solutions; the role is assigned in the resource tenant",
        arguments: [
            Set([SecurityRoleName.environmentMaker]), [SecurityRoleName.basicUser], [],
        ])
    func withoutCustomizerDenied(roles: Set<String>) {
        let context = Fixtures.maker(roleNames: roles, appKind: .solution)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.importSolution.decide(context)
        expectDenied(
            decision, by: "pp.solution.import-export-role", status: 403, code: "0x80040220",
            message: "Principal user is missing prvImportCustomization privilege.", surface: .dataverse)
        #expect(decision.explanation.contains("Importing or exporting solutions needs System Customizer or System Administrator"))
        #expect(decision.explanation.hasSuffix("Assign it in the environment in Contoso."))
        #expect(decision.facts == [Fact("securityRoles", roles.isEmpty ? "(no security role)" : roles.sorted().joined(separator: ", "))])
    }

    @Test("the rule does not apply to a member (Dataverse checks their own roles)")
    func memberIsNotApplicable() {
        let context = Fixtures.maker(user: Fixtures.contosoMember(), roleNames: [SecurityRoleName.environmentMaker], appKind: .solution)
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.importSolution.decide(context))
    }
}
