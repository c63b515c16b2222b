import TenantModel
import TenantRules
import Testing

@Suite("b2b.invite.member-type-needs-admin")
struct InviteMemberTypeNeedsAdminRuleTests {
    let rule = InviteMemberTypeNeedsAdminRule()

    @Test(
        "a User Administrator may invite an external user as a Member",
        arguments: [
            DirectoryRoleTemplate.userAdministrator, .globalAdministrator,
        ])
    func adminMayInviteMember(role: DirectoryRoleTemplate) {
        let context = Fixtures.invitation(caller: Fixtures.user([role], scopes: ["User.Invite.All"]), invitedUserType: "Member")
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.createInvitation.decide(context), including: "b2b.invite.member-type-needs-admin")
    }

    @Test("a Guest Inviter may not invite an external user as a Member")
    func guestInviterDenied() {
        let context = Fixtures.invitation(caller: Fixtures.user([.guestInviter], scopes: ["User.Invite.All"]), invitedUserType: "Member")
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.createInvitation.decide(context)
        expectDenied(
            decision, by: "b2b.invite.member-type-needs-admin", status: 403, code: "Authorization_RequestDenied",
            message: "Insufficient privileges to invite an external user with userType Member.", surface: .graph)
        #expect(decision.explanation.contains("in Contoso"))
        #expect(decision.explanation.contains("Guest Inviter"))
    }

    @Test("the Member type is recognised case-insensitively")
    func lowercaseMemberDenied() {
        let context = Fixtures.invitation(caller: Fixtures.user([]), invitedUserType: "member")
        #expect(rule.evaluate(context).effect == .forbid)
    }

    @Test("the rule does not apply to a Guest invitation, explicit or by default", arguments: [String?.none, "Guest"])
    func guestInvitationIsNotApplicable(type: String?) {
        let context = Fixtures.invitation(caller: Fixtures.user([]), invitedUserType: type)
        #expect(rule.evaluate(context).effect == .notApplicable)
    }

    @Test("the rule does not apply to an app-only caller inviting a Member")
    func appIsNotApplicable() {
        let context = Fixtures.invitation(caller: Fixtures.app(["User.Invite.All"]), invitedUserType: "Member")
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.createInvitation.decide(context))
    }
}
