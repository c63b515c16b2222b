import TenantModel
import TenantRules
import Testing

@Suite("policy.authorization.update-not-allowed")
struct AuthorizationPolicyUpdateNotAllowedRuleTests {
    let rule = AuthorizationPolicyUpdateNotAllowedRule()

    func patching(by caller: CallerFacts) -> DirectoryChangeContext {
        Fixtures.directoryChange(
            caller: caller, permission: GraphPermissions.updateAuthorizationPolicy, summary: "change allowInvitesFrom to everyone")
    }

    @Test(
        "a Privileged Role Administrator or Global Administrator may change the authorization policy",
        arguments: [
            DirectoryRoleTemplate.privilegedRoleAdministrator, .globalAdministrator,
        ])
    func privilegedRoleAdminPermitted(role: DirectoryRoleTemplate) {
        let context = patching(by: Fixtures.user([role], scopes: ["Policy.ReadWrite.Authorization"]))
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.updateAuthorizationPolicy.decide(context), including: "policy.authorization.update-not-allowed")
    }

    @Test("a User Administrator may not change the guest invite settings")
    func userAdminDenied() {
        let context = patching(by: Fixtures.user([.userAdministrator], scopes: ["Policy.ReadWrite.Authorization"]))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.updateAuthorizationPolicy.decide(context)
        expectDenied(
            decision, by: "policy.authorization.update-not-allowed", status: 403, code: "Authorization_RequestDenied",
            message: "Insufficient privileges to complete the operation.", surface: .graph)
        #expect(decision.explanation.contains("To change allowInvitesFrom to everyone"))
        #expect(decision.explanation.contains("Privileged Role Administrator"))
        #expect(decision.explanation.contains("in Contoso"))
    }

    @Test("without Policy.ReadWrite.Authorization even a Global Administrator's token is refused by the permission check")
    func missingScopeDeniedFirst() {
        let context = patching(by: Fixtures.user([.globalAdministrator], scopes: ["Policy.Read.All"]))
        expectDenied(
            OperationRules.updateAuthorizationPolicy.decide(context), by: "graph.permission.missing", status: 403,
            code: "Authorization_RequestDenied")
    }

    @Test(
        "the rule does not apply to an application or TenantSim itself",
        arguments: [
            Fixtures.app(["Policy.ReadWrite.Authorization"]), CallerFacts.system,
        ])
    func appAndSystemAreNotApplicable(caller: CallerFacts) {
        let context = patching(by: caller)
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.updateAuthorizationPolicy.decide(context))
    }
}
