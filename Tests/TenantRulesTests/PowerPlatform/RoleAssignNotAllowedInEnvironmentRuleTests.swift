import TenantModel
import TenantRules
import Testing

@Suite("pp.role.assign-not-allowed")
struct RoleAssignNotAllowedInEnvironmentRuleTests {
    let rule = RoleAssignNotAllowedInEnvironmentRule()

    @Test("a caller who administers the environment may assign and remove security roles", arguments: [false, true])
    func administratorPermitted(isRemoval: Bool) {
        let context = Fixtures.roleAssignment(caller: Fixtures.user([.powerPlatformAdministrator]), administers: true, isRemoval: isRemoval)
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.assignSecurityRole.decide(context), including: "pp.role.assign-not-allowed")
    }

    @Test(
        "a caller who doesn't administer the environment is denied with Dataverse 403 0x80040220",
        arguments: [
            Fixtures.user([.userAdministrator]), Fixtures.user([], userType: .guest), Fixtures.managementApp(registered: false),
        ])
    func nonAdministratorDenied(caller: CallerFacts) {
        let context = Fixtures.roleAssignment(caller: caller, administers: false)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.assignSecurityRole.decide(context)
        expectDenied(
            decision, by: "pp.role.assign-not-allowed", status: 403, code: "0x80040220",
            message: "Principal user is missing prvAssignRole privilege.", surface: .dataverse)
        #expect(decision.explanation.contains("\(caller.name) can't assign or remove security roles in 'Contoso Sales'"))
        #expect(decision.facts.contains(Fact("caller.administersEnvironment", false)))
        #expect(namesTenant(decision.explanation))
    }

    @Test("a non-administrator is stopped before the disabled-user check is reached")
    func firstRuleDecides() {
        let context = Fixtures.roleAssignment(
            caller: Fixtures.user(), administers: false, dataverseUser: Fixtures.dataverseUser(for: Fixtures.entraGuest(), disabled: true))
        #expect(OperationRules.assignSecurityRole.decide(context).deniedBy == "pp.role.assign-not-allowed")
    }

    @Test("the rule does not apply to TenantSim itself building the world")
    func systemIsNotApplicable() {
        let context = Fixtures.roleAssignment(caller: .system, administers: false)
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.assignSecurityRole.decide(context))
    }
}
