import TenantModel
import TenantRules
import Testing

@Suite("directory.user.create-not-allowed")
struct UserCreateNotAllowedRuleTests {
    let rule = UserCreateNotAllowedRule()

    static func creation(caller: CallerFacts, upn: String = "sam@contoso.com") -> UserCreationContext {
        UserCreationContext(caller: caller, permission: GraphPermissions.createUser, tenant: Fixtures.contoso(), userPrincipalName: upn)
    }

    @Test(
        "a User Administrator or Global Administrator may create a member",
        arguments: [DirectoryRoleTemplate.userAdministrator, .globalAdministrator])
    func userAdminPermitted(role: DirectoryRoleTemplate) {
        let context = Self.creation(caller: Fixtures.user([role], scopes: ["User.ReadWrite.All"]))
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.createUser.decide(context), including: "directory.user.create-not-allowed")
    }

    @Test("a Guest Inviter may not create a member: 403 Authorization_RequestDenied naming the roles that may")
    func guestInviterDenied() {
        let context = Self.creation(caller: Fixtures.user([.guestInviter], scopes: ["User.ReadWrite.All"]))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.createUser.decide(context)
        expectDenied(
            decision, by: "directory.user.create-not-allowed", status: 403, code: "Authorization_RequestDenied",
            message: "Insufficient privileges to complete the operation.", surface: .graph)
        #expect(decision.explanation.contains("Global Administrator, User Administrator"))
        #expect(decision.explanation.contains("Guest Inviter"))
    }

    @Test("the rule does not apply to an application or TenantSim itself", arguments: [Fixtures.app(["User.ReadWrite.All"]), CallerFacts.system])
    func appAndSystemAreNotApplicable(caller: CallerFacts) {
        let context = Self.creation(caller: caller)
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.createUser.decide(context))
    }

    @Test("an application without User.ReadWrite.All is stopped by the permission check first")
    func appWithoutPermission() {
        let context = Self.creation(caller: Fixtures.app(["User.Invite.All"]))
        expectDenied(OperationRules.createUser.decide(context), by: "graph.permission.missing", status: 403, code: "Authorization_RequestDenied")
    }
}
