import TenantModel
import TenantRules
import Testing

@Suite("b2b.invite.email-invalid")
struct InviteEmailInvalidRuleTests {
    let rule = InviteEmailInvalidRule()

    @Test("a plain address is accepted", arguments: ["pat@fabrikam.com", "pat.o'neil@mail.fabrikam.com", "Pat_Smith-2@Fabrikam.co.uk"])
    func validAddress(address: String) {
        let context = Fixtures.invitation(email: address)
        #expect(rule.evaluate(context).effect == .permit)
    }

    @Test("a valid address passes the whole invitation rule set")
    func validAddressThroughRuleSet() {
        expectPermitted(OperationRules.createInvitation.decide(Fixtures.invitation()), including: "b2b.invite.email-invalid")
    }

    @Test("an invitation without an address is denied with 400 BadRequest", arguments: [String?.none, ""])
    func missingAddressDenied(address: String?) {
        let context = Fixtures.invitation(email: address)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.createInvitation.decide(context)
        expectDenied(
            decision, by: "b2b.invite.email-invalid", status: 400, code: "BadRequest",
            message: "The invited user email address is missing or not a valid email address.", surface: .graph)
        #expect(decision.explanation.contains("no invitedUserEmailAddress"))
    }

    @Test(
        "a malformed address is denied and the message names the problem",
        arguments: [
            "pat#1@fabrikam.com", "pat", "pat@fabrikam", ".pat@fabrikam.com", "pat.@fabrikam.com", "pat@@fabrikam.com",
            "pat smith@fabrikam.com", "pat..smith@fabrikam.com", "pat@-fabrikam.com",
        ])
    func malformedAddressDenied(address: String) {
        let context = Fixtures.invitation(email: address)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.createInvitation.decide(context)
        expectDenied(decision, by: "b2b.invite.email-invalid", status: 400, code: "BadRequest")
        #expect(decision.error?.message.hasPrefix("The invited user email address '\(address)' is not valid:") == true)
    }

    @Test("a forbidden character is named in the message")
    func forbiddenCharacterNamed() {
        let decision = OperationRules.createInvitation.decide(Fixtures.invitation(email: "pat#1@fabrikam.com"))
        #expect(
            decision.error?.message
                == "The invited user email address 'pat#1@fabrikam.com' is not valid: the character '#' is not permitted in an invited address.")
    }

    @Test("the rule does not apply to a redemption reset that keeps the existing user's address")
    func resetWithoutAddressIsNotApplicable() {
        let target = Fixtures.contosoGuest(state: .accepted)
        let context = Fixtures.invitation(
            caller: Fixtures.app(["User.ReadWrite.All"]), email: nil, resetRedemption: true, invitedUserId: target.id, resetTarget: target)
        #expect(rule.evaluate(context).effect == .notApplicable)
    }
}
