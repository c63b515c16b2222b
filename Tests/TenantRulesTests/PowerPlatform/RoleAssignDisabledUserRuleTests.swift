import TenantModel
import TenantRules
import Testing

@Suite("pp.role.assign-disabled-user")
struct RoleAssignDisabledUserRuleTests {
    let rule = RoleAssignDisabledUserRule()

    @Test("a security role can be assigned to an enabled Dataverse user")
    func enabledRowPermitted() {
        let context = Fixtures.roleAssignment()
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.assignSecurityRole.decide(context), including: "pp.role.assign-disabled-user")
    }

    @Test("assigning a security role to a disabled Dataverse user fails with Dataverse 400 and names the reason")
    func disabledRowDenied() {
        let guest = Fixtures.entraGuest()
        let context = Fixtures.roleAssignment(
            target: guest,
            dataverseUser: Fixtures.dataverseUser(for: guest, disabled: true, reason: "no licence with Dataverse rights in Contoso"))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.assignSecurityRole.decide(context)
        expectDenied(
            decision, by: "pp.role.assign-disabled-user", status: 400, code: "UserDisabled",
            message: "Security roles can't be assigned to a disabled user.", surface: .dataverse)
        #expect(
            decision.explanation.contains(
                "Pat Guest (pat@fabrikam.com) is a disabled Dataverse user of 'Contoso Sales' (no licence with Dataverse rights in Contoso)"))
        #expect(decision.explanation.contains("then assign 'Environment Maker'"))
        #expect(decision.facts.contains(Fact("systemuser.isdisabled", true)))
        let generic = OperationRules.assignSecurityRole.decide(
            Fixtures.roleAssignment(dataverseUser: Fixtures.dataverseUser(for: guest, disabled: true, reason: nil)))
        #expect(namesTenant(generic.explanation))
    }

    @Test("removing a role from a disabled user is not this rule's business")
    func removalIsNotApplicable() {
        let context = Fixtures.roleAssignment(dataverseUser: Fixtures.dataverseUser(for: Fixtures.entraGuest(), disabled: true), isRemoval: true)
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.assignSecurityRole.decide(context))
    }

    @Test("the rule does not apply in an environment without Dataverse or without a Dataverse row", arguments: [false, true])
    func noDataverseOrNoRowIsNotApplicable(hasDataverse: Bool) {
        let context = Fixtures.roleAssignment(
            environment: Fixtures.environment(hasDataverse: hasDataverse),
            dataverseUser: hasDataverse ? nil : Fixtures.dataverseUser(for: Fixtures.entraGuest(), disabled: true),
            roleName: hasDataverse ? SecurityRoleName.basicUser : SecurityRoleName.environmentMaker)
        #expect(rule.evaluate(context).effect == .notApplicable)
    }
}
