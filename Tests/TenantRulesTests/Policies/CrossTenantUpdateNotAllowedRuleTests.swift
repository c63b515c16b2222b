import TenantModel
import TenantRules
import Testing

@Suite("policy.cross-tenant.update-not-allowed")
struct CrossTenantUpdateNotAllowedRuleTests {
    let rule = CrossTenantUpdateNotAllowedRule()

    func changing(by caller: CallerFacts) -> DirectoryChangeContext {
        Fixtures.directoryChange(
            caller: caller, permission: GraphPermissions.updateCrossTenantAccess, summary: "add Fabrikam as a partner organization")
    }

    @Test(
        "a Security Administrator or Global Administrator may change cross-tenant access settings",
        arguments: [
            DirectoryRoleTemplate.securityAdministrator, .globalAdministrator,
        ])
    func securityAdminPermitted(role: DirectoryRoleTemplate) {
        let context = changing(by: Fixtures.user([role], scopes: ["Policy.ReadWrite.CrossTenantAccess"]))
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(
            OperationRules.changeCrossTenantAccess(.updateCrossTenantAccessPolicy).decide(context),
            including: "policy.cross-tenant.update-not-allowed")
    }

    @Test("a Privileged Role Administrator may not change cross-tenant access settings")
    func privilegedRoleAdminDenied() {
        let context = changing(by: Fixtures.user([.privilegedRoleAdministrator], scopes: ["Policy.ReadWrite.CrossTenantAccess"]))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.changeCrossTenantAccess(.updateCrossTenantAccessPolicy).decide(context)
        expectDenied(
            decision, by: "policy.cross-tenant.update-not-allowed", status: 403, code: "Authorization_RequestDenied",
            message: "Insufficient privileges to complete the operation.", surface: .graph)
        #expect(decision.explanation.contains("Global Administrator, Security Administrator"))
        #expect(decision.explanation.contains("in Contoso"))
    }

    @Test(
        "the rule does not apply to an application or TenantSim itself",
        arguments: [
            Fixtures.app(["Policy.ReadWrite.CrossTenantAccess"]), CallerFacts.system,
        ])
    func appAndSystemAreNotApplicable(caller: CallerFacts) {
        let context = changing(by: caller)
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.changeCrossTenantAccess(.updateCrossTenantAccessPolicy).decide(context))
    }
}
