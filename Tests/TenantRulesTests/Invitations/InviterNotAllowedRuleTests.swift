import TenantModel
import TenantRules
import Testing

@Suite("b2b.invite.inviter-not-allowed")
struct InviterNotAllowedRuleTests {
    let rule = InviterNotAllowedRule()

    @Test("a Guest Inviter may invite when only admins and guest inviters may")
    func guestInviterPermitted() {
        let context = Fixtures.invitation(
            caller: Fixtures.user([.guestInviter], scopes: ["User.Invite.All"]), allowInvitesFrom: .adminsAndGuestInviters)
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.createInvitation.decide(context), including: "b2b.invite.inviter-not-allowed")
    }

    @Test("Directory Writers may invite when only admins and guest inviters may")
    func directoryWritersPermitted() {
        let context = Fixtures.invitation(caller: Fixtures.user([.directoryWriters]), allowInvitesFrom: .adminsAndGuestInviters)
        #expect(rule.evaluate(context).effect == .permit)
    }

    @Test("a member without an inviting role is denied when only admins and guest inviters may invite")
    func plainMemberDenied() {
        let context = Fixtures.invitation(
            caller: Fixtures.user([.helpdeskAdministrator], scopes: ["User.Invite.All"]), allowInvitesFrom: .adminsAndGuestInviters)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.createInvitation.decide(context)
        expectDenied(
            decision, by: "b2b.invite.inviter-not-allowed", status: 403, code: "Authorization_RequestDenied",
            message: "Insufficient privileges to complete the operation.", surface: .graph)
        #expect(decision.explanation.contains("resource tenant Contoso"))
        #expect(decision.explanation.contains("In Contoso, assign the caller the Guest Inviter role"))
        #expect(decision.explanation.contains("a member without an inviting role"))
    }

    @Test("a guest is denied when members and admins may invite, and is told so")
    func guestDeniedUnderMembersLevel() {
        let context = Fixtures.invitation(
            caller: Fixtures.user([], userType: .guest, scopes: ["User.Invite.All"]), allowInvitesFrom: .adminsGuestInvitersAndAllMembers)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.createInvitation.decide(context)
        expectDenied(decision, by: "b2b.invite.inviter-not-allowed", status: 403, code: "Authorization_RequestDenied")
        #expect(decision.explanation.contains("the caller is a guest"))
    }

    @Test("a guest holding the Guest Inviter role may invite under the admins-only level")
    func guestWithInviterRolePermitted() {
        let context = Fixtures.invitation(caller: Fixtures.user([.guestInviter], userType: .guest), allowInvitesFrom: .adminsAndGuestInviters)
        #expect(rule.evaluate(context).effect == .permit)
    }

    @Test(
        "app-only callers are not judged by the invite level",
        arguments: [
            AllowInvitesFrom.adminsAndGuestInviters, .adminsGuestInvitersAndAllMembers, .everyone,
        ])
    func appIsNotApplicable(level: AllowInvitesFrom) {
        #expect(rule.evaluate(Fixtures.invitation(caller: Fixtures.app(["User.Invite.All"]), allowInvitesFrom: level)).effect == .notApplicable)
    }

    @Test("when invitations are off the rule steps aside for b2b.invite.disabled")
    func noneIsNotApplicable() {
        let context = Fixtures.invitation(caller: Fixtures.user([], scopes: ["User.Invite.All"]), allowInvitesFrom: .none)
        #expect(rule.evaluate(context).effect == .notApplicable)
        #expect(OperationRules.createInvitation.decide(context).deniedBy == "b2b.invite.disabled")
    }

    @Test("the rule does not apply to TenantSim itself")
    func systemIsNotApplicable() {
        #expect(rule.evaluate(Fixtures.invitation(caller: .system, allowInvitesFrom: .adminsAndGuestInviters)).effect == .notApplicable)
    }
}
