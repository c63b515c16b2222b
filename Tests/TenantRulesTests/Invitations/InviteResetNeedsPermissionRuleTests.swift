import TenantModel
import TenantRules
import Testing

@Suite("b2b.invite.reset-needs-permission")
struct InviteResetNeedsPermissionRuleTests {
    let rule = InviteResetNeedsPermissionRule()

    /// A reset of Pat's existing guest object to a new address.
    func reset(caller: CallerFacts, targetRoles: [DirectoryRoleTemplate] = []) -> InvitationContext {
        let target = Fixtures.contosoGuest(state: .accepted)
        return Fixtures.invitation(
            caller: caller, email: "pat.new@fabrikam.com", resetRedemption: true, invitedUserId: target.id, resetTarget: target,
            resetTargetRoleIds: Set(targetRoles.map(\.id)))
    }

    @Test("a Helpdesk Administrator with User.ReadWrite.All may reset redemption")
    func helpdeskWithUserReadWriteAllPermitted() {
        let context = reset(caller: Fixtures.user([.helpdeskAdministrator], scopes: ["User.ReadWrite.All"]))
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.createInvitation.decide(context), including: "b2b.invite.reset-needs-permission")
    }

    @Test("an app with User.ReadWrite.All may reset a user who holds no directory role")
    func appResetsPlainGuest() {
        #expect(rule.evaluate(reset(caller: Fixtures.app(["User.ReadWrite.All"]))).effect == .permit)
    }

    @Test("resetting redemption with only User.Invite.All is denied")
    func userInviteAllIsNotEnough() {
        let context = reset(caller: Fixtures.app(["User.Invite.All"]))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.createInvitation.decide(context)
        expectDenied(
            decision, by: "b2b.invite.reset-needs-permission", status: 403, code: "Authorization_RequestDenied",
            message: "Insufficient privileges to complete the operation.", surface: .graph)
        #expect(decision.explanation.contains("User.ReadWrite.All"))
        #expect(decision.explanation.contains("Contoso"))
    }

    @Test("a signed-in member without Helpdesk, User or Global Administrator may not reset redemption")
    func memberWithoutRoleDenied() {
        let context = reset(caller: Fixtures.user([.guestInviter], scopes: ["User.ReadWrite.All"]))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.createInvitation.decide(context)
        expectDenied(decision, by: "b2b.invite.reset-needs-permission", status: 403, code: "Authorization_RequestDenied")
        #expect(decision.explanation.contains("in Contoso"))
        #expect(decision.explanation.contains("Helpdesk Administrator"))
    }

    @Test("an app may not reset the redemption of a user holding a directory role")
    func appCannotResetRoleHolder() {
        let context = reset(caller: Fixtures.app(["User.ReadWrite.All"]), targetRoles: [.guestInviter])
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.createInvitation.decide(context)
        expectDenied(decision, by: "b2b.invite.reset-needs-permission", status: 403, code: "Authorization_RequestDenied")
        #expect(decision.explanation.contains("Guest Inviter"))
    }

    @Test("the rule does not apply to an ordinary invitation")
    func notApplicableWithoutReset() {
        let context = Fixtures.invitation(caller: Fixtures.app(["User.Invite.All"]), resetRedemption: false)
        #expect(rule.evaluate(context).effect == .notApplicable)
    }

    @Test("the rule does not apply to TenantSim itself resetting a guest")
    func systemIsNotApplicable() {
        #expect(rule.evaluate(reset(caller: .system)).effect == .notApplicable)
    }
}
