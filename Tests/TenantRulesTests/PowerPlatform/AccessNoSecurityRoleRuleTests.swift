import TenantModel
import TenantRules
import Testing

@Suite("pp.access.no-security-role")
struct AccessNoSecurityRoleRuleTests {
    let rule = AccessNoSecurityRoleRule()

    func opening(
        user: User = Fixtures.contosoMember(), roles: Set<String>, row: DataverseUser? = Fixtures.dataverseUser()
    ) -> EnvironmentAccessContext {
        Fixtures.access(user: user, dataverseUser: row, roleNames: roles)
    }

    @Test(
        "a Dataverse user with a security role may open the environment's apps",
        arguments: [
            SecurityRoleName.basicUser, SecurityRoleName.environmentMaker, SecurityRoleName.systemAdministrator,
        ])
    func withRolePermitted(role: String) {
        let context = opening(roles: [role])
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.openEnvironment.decide(context), including: "pp.access.no-security-role")
    }

    @Test("a synced Dataverse user without any security role is denied and told to get one assigned")
    func withoutRoleDenied() {
        let guest = Fixtures.entraGuest()
        let context = opening(user: guest, roles: [], row: Fixtures.dataverseUser(for: guest))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.openEnvironment.decide(context)
        expectDenied(
            decision, by: "pp.access.no-security-role", status: 403, code: "NoSecurityRole",
            message: "The user has no security role in this environment. Contact the environment administrator.", surface: .dataverse)
        #expect(decision.explanation.contains("Pat Guest (pat@fabrikam.com) is a Dataverse user of 'Contoso Sales' but holds no security role"))
        #expect(decision.explanation.contains("POST systemusers(\(Fixtures.PPIDs.systemUser))/systemuserroles_association/$ref"))
        #expect(decision.facts == [Fact("securityRoles", "(none)")])
        #expect(namesTenant(decision.explanation))
    }

    @Test("qualification alone (syncDataverseUser) doesn't need a role: only openEnvironment checks it")
    func syncDoesNotCheckRoles() {
        let context = opening(roles: [])
        expectPermitted(OperationRules.dataverseQualification.decide(context))
        #expect(!OperationRules.dataverseQualification.ruleIds.contains("pp.access.no-security-role"))
    }

    @Test("a user not yet added to the environment's Dataverse is denied and told to add them first")
    func notSyncedIsDenied() {
        let context = opening(roles: [], row: nil)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.openEnvironment.decide(context)
        #expect(decision.deniedBy == "pp.access.no-security-role")
        #expect(decision.explanation.contains("addUser"))
        #expect(namesTenant(decision.explanation))
    }

    @Test("the rule does not apply to a disabled Dataverse row (the qualification rules explain why it is disabled)")
    func disabledRowIsNotApplicable() {
        let context = opening(roles: [], row: Fixtures.dataverseUser(disabled: true, reason: "no licence"))
        #expect(rule.evaluate(context).effect == .notApplicable)
    }

    @Test("the rule does not apply in an environment without Dataverse")
    func noDataverseIsNotApplicable() {
        let context = Fixtures.access(environment: Fixtures.environment(hasDataverse: false), dataverseUser: Fixtures.dataverseUser(), roleNames: [])
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.openEnvironment.decide(context))
    }
}
