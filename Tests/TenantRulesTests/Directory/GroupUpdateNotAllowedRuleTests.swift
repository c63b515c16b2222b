import TenantModel
import TenantRules
import Testing

@Suite("directory.group.update-not-allowed")
struct GroupUpdateNotAllowedRuleTests {
    let rule = GroupUpdateNotAllowedRule()

    func adding(by caller: CallerFacts) -> DirectoryChangeContext {
        Fixtures.directoryChange(
            caller: caller, permission: GraphPermissions.changeGroupMembers, summary: "add Pat Guest to the Sales environment security group")
    }

    @Test(
        "a User Administrator, Global Administrator or Directory Writer may change group membership",
        arguments: [
            DirectoryRoleTemplate.userAdministrator, .globalAdministrator, .directoryWriters,
        ])
    func groupAdminPermitted(role: DirectoryRoleTemplate) {
        let context = adding(by: Fixtures.user([role], scopes: ["GroupMember.ReadWrite.All"]))
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.addGroupMember.decide(context), including: "directory.group.update-not-allowed")
    }

    @Test("a Guest Inviter may not add a guest to a security group")
    func guestInviterDenied() {
        let context = adding(by: Fixtures.user([.guestInviter], scopes: ["GroupMember.ReadWrite.All"]))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.addGroupMember.decide(context)
        expectDenied(
            decision, by: "directory.group.update-not-allowed", status: 403, code: "Authorization_RequestDenied",
            message: "Insufficient privileges to complete the operation.", surface: .graph)
        #expect(decision.explanation.contains("To add Pat Guest to the Sales environment security group"))
        #expect(decision.explanation.contains("in Contoso"))
    }

    @Test(
        "the rule does not apply to an application or TenantSim itself",
        arguments: [
            Fixtures.app(["GroupMember.ReadWrite.All"]), CallerFacts.system,
        ])
    func appAndSystemAreNotApplicable(caller: CallerFacts) {
        let context = adding(by: caller)
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.addGroupMember.decide(context))
    }
}
