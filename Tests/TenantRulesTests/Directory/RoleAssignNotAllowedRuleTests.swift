import TenantModel
import TenantRules
import Testing

@Suite("directory.role.assign-not-allowed")
struct RoleAssignNotAllowedRuleTests {
    let rule = RoleAssignNotAllowedRule()

    func assigning(by caller: CallerFacts) -> DirectoryChangeContext {
        Fixtures.directoryChange(
            caller: caller, permission: GraphPermissions.changeRoleAssignments, summary: "assign Guest Inviter to Jo Member")
    }

    @Test(
        "a Privileged Role Administrator or Global Administrator may assign directory roles",
        arguments: [
            DirectoryRoleTemplate.privilegedRoleAdministrator, .globalAdministrator,
        ])
    func privilegedRoleAdminPermitted(role: DirectoryRoleTemplate) {
        let context = assigning(by: Fixtures.user([role], scopes: ["RoleManagement.ReadWrite.Directory"]))
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.createRoleAssignment.decide(context), including: "directory.role.assign-not-allowed")
    }

    @Test("a User Administrator may not assign directory roles")
    func userAdminDenied() {
        let context = assigning(by: Fixtures.user([.userAdministrator], scopes: ["RoleManagement.ReadWrite.Directory"]))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.createRoleAssignment.decide(context)
        expectDenied(
            decision, by: "directory.role.assign-not-allowed", status: 403, code: "Authorization_RequestDenied",
            message: "Insufficient privileges to complete the operation.", surface: .graph)
        #expect(decision.explanation.contains("Global Administrator, Privileged Role Administrator"))
        #expect(decision.explanation.contains("in Contoso"))
        #expect(decision.explanation.contains("The caller holds User Administrator"))
    }

    @Test(
        "the rule does not apply to an application or TenantSim itself",
        arguments: [
            Fixtures.app(["RoleManagement.ReadWrite.Directory"]), CallerFacts.system,
        ])
    func appAndSystemAreNotApplicable(caller: CallerFacts) {
        let context = assigning(by: caller)
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.createRoleAssignment.decide(context))
    }
}
