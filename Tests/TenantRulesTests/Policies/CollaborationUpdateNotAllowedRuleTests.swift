import TenantModel
import TenantRules
import Testing

@Suite("policy.collaboration.update-not-allowed")
struct CollaborationUpdateNotAllowedRuleTests {
    let rule = CollaborationUpdateNotAllowedRule()

    func editing(by caller: CallerFacts) -> DirectoryChangeContext {
        Fixtures.directoryChange(
            caller: caller, permission: GraphPermissions.updateCollaborationRestrictions, summary: "block invitations to adatum.com")
    }

    @Test("a Global Administrator may edit the allow/deny domain list")
    func globalAdminPermitted() {
        let context = editing(by: Fixtures.user([.globalAdministrator], scopes: ["Policy.ReadWrite.Authorization"]))
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.setCollaborationRestrictions.decide(context), including: "policy.collaboration.update-not-allowed")
    }

    @Test(
        "any other admin may not edit the domain list",
        arguments: [
            DirectoryRoleTemplate.securityAdministrator, .userAdministrator, .privilegedRoleAdministrator, .guestInviter,
        ])
    func otherAdminDenied(role: DirectoryRoleTemplate) {
        let context = editing(by: Fixtures.user([role], scopes: ["Policy.ReadWrite.Authorization"]))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.setCollaborationRestrictions.decide(context)
        expectDenied(
            decision, by: "policy.collaboration.update-not-allowed", status: 403, code: "Authorization_RequestDenied",
            message: "Insufficient privileges to complete the operation.", surface: .graph)
        #expect(decision.explanation.contains("one of these roles in Contoso (contoso.onmicrosoft.com, commercial): Global Administrator."))
    }

    @Test(
        "the rule does not apply to an application or TenantSim itself",
        arguments: [
            Fixtures.app(["Policy.ReadWrite.Authorization"]), CallerFacts.system,
        ])
    func appAndSystemAreNotApplicable(caller: CallerFacts) {
        let context = editing(by: caller)
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.setCollaborationRestrictions.decide(context))
    }
}
