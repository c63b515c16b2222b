import TenantModel
import TenantRules
import Testing

@Suite("pp.dataverse.not-in-security-group")
struct DataverseNotInSecurityGroupRuleTests {
    let rule = DataverseNotInSecurityGroupRule()

    func restricted(
        user: User = Fixtures.contosoMember(), roles: [DirectoryRoleTemplate] = [], direct: Bool, nested: Bool = false
    ) -> EnvironmentAccessContext {
        Fixtures.access(
            user: user, directoryRoles: roles, securityGroup: Fixtures.salesUsersGroup(), isDirectMember: direct, isNestedMember: nested)
    }

    @Test(
        "a direct member of the environment's security group qualifies, member or guest",
        arguments: [
            Fixtures.contosoMember(), Fixtures.entraGuest(),
        ])
    func directMemberPermitted(user: User) {
        let context = restricted(user: user, direct: true)
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.dataverseQualification.decide(context), including: "pp.dataverse.not-in-security-group")
    }

    @Test("a user outside the security group is denied; the fix is adding them to the group in the environment's tenant")
    func outsiderDenied() {
        let context = restricted(direct: false)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.dataverseQualification.decide(context)
        expectDenied(
            decision, by: "pp.dataverse.not-in-security-group", status: 403, code: "UserNotInSecurityGroup",
            message: "The user is not a member of the security group that restricts access to this environment.", surface: .adminAPI)
        #expect(decision.explanation.contains("restricted to the security group 'Sales environment users'"))
        #expect(decision.explanation.contains("Add the user to 'Sales environment users' in Contoso"))
        #expect(decision.explanation.contains("POST /groups/\(Fixtures.PPIDs.salesUsersGroup)/members/$ref"))
        #expect(!decision.explanation.contains("nested"))
    }

    @Test("a user outside the group who opens the environment gets Microsoft's canvas-app message")
    func outsiderAtFirstAccessGetsTheAppMessage() {
        var context = restricted(direct: false)
        context.firstAccess = true
        let decision = OperationRules.openEnvironment.decide(context)
        expectDenied(
            decision, by: "pp.dataverse.not-in-security-group", status: 403, code: "UserNotInSecurityGroup",
            message: "You can't open apps in this environment. You are not a member of the environment's security group.")
    }

    @Test("membership only through a nested group isn't pre-provisioned, and the explanation says it is added at first access")
    func nestedOnlyNotPreProvisioned() {
        let context = restricted(direct: false, nested: true)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.dataverseQualification.decide(context)
        expectDenied(decision, by: "pp.dataverse.not-in-security-group", status: 403, code: "UserNotInSecurityGroup", surface: .adminAPI)
        #expect(decision.explanation.contains("nested members are not pre-provisioned, only added when they first open the environment themselves"))
        #expect(decision.explanation.contains("Add the user to 'Sales environment users' in Contoso"))
        #expect(decision.facts.contains(Fact("user.nestedMember", true)))
        #expect(decision.facts.contains(Fact("user.directMember", false)))
    }

    @Test("a member through a nested group qualifies at first access, and stays once added")
    func nestedMemberAtFirstAccessPermitted() {
        var context = restricted(direct: false, nested: true)
        context.firstAccess = true
        #expect(rule.evaluate(context).effect == .permit)
        var synced = restricted(direct: false, nested: true)
        synced.dataverseUser =
            Fixtures.access().dataverseUser
            ?? DataverseUser(
                id: SystemUserID("5d1c0f6e-0000-4000-8000-000000000001"), environmentId: synced.environment.id, userId: synced.user.id,
                domainName: synced.user.userPrincipalName, fullName: "Max", isDisabled: false, accessMode: .readWrite, createdOn: Fixtures.now,
                modifiedOn: Fixtures.now)
        #expect(rule.evaluate(synced).effect == .permit)
    }

    @Test(
        "Global and Power Platform administrators are exempt from the security group",
        arguments: [
            DirectoryRoleTemplate.globalAdministrator, .powerPlatformAdministrator,
        ])
    func tenantAdminsAreNotApplicable(role: DirectoryRoleTemplate) {
        let context = restricted(roles: [role], direct: false)
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.dataverseQualification.decide(context))
    }

    @Test("a Dynamics 365 administrator must still be a direct member (domain-facts §8.3 and the rule's own deniesWhen)")
    func dynamicsAdminMustBeMember() {
        let context = restricted(roles: [.dynamics365Administrator], direct: false)
        #expect(rule.evaluate(context).effect == .forbid)
        #expect(OperationRules.dataverseQualification.decide(context).deniedBy == "pp.dataverse.not-in-security-group")
    }

    @Test("other admin roles are not exempt", arguments: [DirectoryRoleTemplate.userAdministrator, .privilegedRoleAdministrator])
    func otherAdminsDenied(role: DirectoryRoleTemplate) {
        #expect(rule.evaluate(restricted(roles: [role], direct: false)).effect == .forbid)
    }

    @Test("the rule does not apply to an environment without a security group")
    func noGroupIsNotApplicable() {
        let context = Fixtures.access(securityGroup: nil, isDirectMember: false, isNestedMember: false)
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.dataverseQualification.decide(context))
    }
}
