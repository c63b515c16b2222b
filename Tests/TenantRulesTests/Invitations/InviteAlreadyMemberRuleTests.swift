import TenantModel
import TenantRules
import Testing

@Suite("b2b.invite.already-member")
struct InviteAlreadyMemberRuleTests {
    let rule = InviteAlreadyMemberRule()

    @Test("inviting an address that already has a guest account is not an error")
    func existingGuestPermitted() {
        let context = Fixtures.invitation(existingUser: Fixtures.contosoGuest())
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.createInvitation.decide(context), including: "b2b.invite.already-member")
    }

    @Test("inviting the address of a member of the inviting tenant is denied with 400 BadRequest")
    func existingMemberDenied() {
        let member = Fixtures.contosoMember()
        let context = Fixtures.invitation(email: member.mail, existingUser: member)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.createInvitation.decide(context)
        expectDenied(
            decision, by: "b2b.invite.already-member", status: 400, code: "BadRequest",
            message: "Non-external user already exists with the given mail address and can't be invited.", surface: .graph)
        #expect(decision.explanation.contains("already a member of Contoso"))
        #expect(decision.explanation.contains(member.id.rawValue))
    }

    @Test("a redemption reset of a member (converting it to B2B) is permitted")
    func resetOfMemberPermitted() {
        let member = Fixtures.contosoMember()
        let context = Fixtures.invitation(
            caller: Fixtures.app(["User.ReadWrite.All"]), email: member.mail, resetRedemption: true, invitedUserId: member.id,
            existingUser: member, resetTarget: member)
        #expect(rule.evaluate(context).effect == .permit)
    }

    @Test("the rule does not apply when no user of the tenant has the address")
    func noExistingUserIsNotApplicable() {
        #expect(rule.evaluate(Fixtures.invitation(existingUser: nil)).effect == .notApplicable)
    }
}
