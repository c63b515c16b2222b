import TenantModel
import TenantRules
import Testing

@Suite("license.assign.not-allowed")
struct LicenseAssignNotAllowedRuleTests {
    let rule = LicenseAssignNotAllowedRule()

    @Test(
        "a License, User or Global Administrator may assign licences",
        arguments: [
            DirectoryRoleTemplate.licenseAdministrator, .userAdministrator, .globalAdministrator,
        ])
    func licensingRolePermitted(role: DirectoryRoleTemplate) {
        let context = Fixtures.license(caller: Fixtures.user([role], scopes: ["LicenseAssignment.ReadWrite.All"]))
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.assignLicense.decide(context), including: "license.assign.not-allowed")
    }

    @Test("a member without a licensing role may not assign licences, and is told to get one in the resource tenant")
    func memberWithoutRoleDenied() {
        let context = Fixtures.license(caller: Fixtures.user([.helpdeskAdministrator], scopes: ["LicenseAssignment.ReadWrite.All"]))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.assignLicense.decide(context)
        expectDenied(
            decision, by: "license.assign.not-allowed", status: 403, code: "Authorization_RequestDenied",
            message: "Insufficient privileges to complete the operation.", surface: .graph)
        #expect(decision.explanation.contains("License Administrator"))
        #expect(decision.explanation.contains("in Contoso"))
    }

    @Test("a guest caller without a role may not assign licences")
    func guestCallerDenied() {
        #expect(rule.evaluate(Fixtures.license(caller: Fixtures.user([], userType: .guest))).effect == .forbid)
    }

    @Test(
        "the rule does not apply to an application or TenantSim itself",
        arguments: [
            Fixtures.app(["LicenseAssignment.ReadWrite.All"]), CallerFacts.system,
        ])
    func appAndSystemAreNotApplicable(caller: CallerFacts) {
        let context = Fixtures.license(caller: caller)
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.assignLicense.decide(context))
    }
}
