import TenantModel
import TenantRules
import Testing

@Suite("pp.maker.environment-maker-missing")
struct MakerEnvironmentMakerMissingRuleTests {
    let rule = MakerEnvironmentMakerMissingRule()

    @Test(
        "a guest holding a maker role in the environment may make apps",
        arguments: [
            SecurityRoleName.environmentMaker, SecurityRoleName.systemCustomizer, SecurityRoleName.systemAdministrator,
            SecurityRoleName.environmentAdmin,
        ])
    func makerRolePermitted(role: String) {
        let context = Fixtures.maker(roleNames: [role])
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.makeApp.decide(context), including: "pp.maker.environment-maker-missing")
    }

    @Test(
        "a guest without Environment Maker is denied; a System Administrator of the environment in the resource tenant must assign it",
        arguments: [
            Set<String>(), [SecurityRoleName.basicUser],
        ])
    func noMakerRoleDenied(roles: Set<String>) {
        let context = Fixtures.maker(roleNames: roles)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.makeApp.decide(context)
        expectDenied(
            decision, by: "pp.maker.environment-maker-missing", status: 403, code: "EnvironmentMakerRequired",
            message: "The user does not have permission to create apps in this environment.", surface: .adminAPI)
        let held = roles.isEmpty ? "(no security role)" : "Basic User"
        #expect(decision.explanation.contains("Pat Guest (pat@fabrikam.com) holds \(held) in 'Contoso Sales'"))
        #expect(decision.explanation.contains("A System Administrator of the environment in Contoso must assign it"))
        #expect(decision.facts == [Fact("securityRoles", held)])
    }

    @Test("guests are not makers of the default environment by default (only members are)")
    func guestInDefaultEnvironmentDenied() {
        let context = Fixtures.maker(environment: Fixtures.environment(sku: .default, hasDataverse: false), roleNames: [])
        #expect(rule.evaluate(context).effect == .forbid)
        #expect(OperationRules.makeApp.decide(context).deniedBy == "pp.maker.environment-maker-missing")
    }

    @Test("a member outside the default environment needs the role too")
    func memberInOtherEnvironmentDenied() {
        let context = Fixtures.maker(user: Fixtures.contosoMember(), roleNames: [])
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.makeApp.decide(context)
        expectDenied(decision, by: "pp.maker.environment-maker-missing", status: 403, code: "EnvironmentMakerRequired", surface: .adminAPI)
        #expect(decision.explanation.contains("Jo Member (jo@contoso.com) holds (no security role) in 'Contoso Sales'"))
    }

    @Test("the rule does not apply to a member in the tenant's default environment: every member is a maker there")
    func memberInDefaultEnvironmentIsNotApplicable() {
        let context = Fixtures.maker(user: Fixtures.contosoMember(), environment: Fixtures.environment(sku: .default), roleNames: [])
        let outcome = rule.evaluate(context)
        #expect(outcome.effect == .notApplicable)
        #expect(outcome.facts == [Fact("environment.isDefault", true), Fact("user.userType", "Member")])
        expectPermitted(OperationRules.makeApp.decide(context))
    }
}
