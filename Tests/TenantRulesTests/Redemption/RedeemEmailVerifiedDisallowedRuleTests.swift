import TenantModel
import TenantRules
import Testing

@Suite("b2b.redeem.email-verified-disallowed")
struct RedeemEmailVerifiedDisallowedRuleTests {
    let rule = RedeemEmailVerifiedDisallowedRule()

    @Test("a person without a home account redeems by passcode when the home tenant allows email-verified users")
    func allowedPermitted() {
        let context = Fixtures.redemption(home: Fixtures.fabrikamHome(user: nil, allowEmailVerifiedUsers: true))
        #expect(context.path == .emailOneTimePasscode)
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.redeemInvitation.decide(context), including: "b2b.redeem.email-verified-disallowed")
    }

    @Test("a person without a home account can't redeem when the home tenant disallows email-verified users")
    func disallowedDenied() {
        let context = Fixtures.redemption(home: Fixtures.fabrikamHome(user: nil, allowEmailVerifiedUsers: false))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.redeemInvitation.decide(context)
        expectDenied(
            decision, by: "b2b.redeem.email-verified-disallowed", status: 400, code: "EmailVerifiedUsersDisallowed",
            message: "Invitee's Admin has disallowed EmailVerified Users from being created in their tenant", surface: .login)
        #expect(decision.explanation.contains("HOME tenant Fabrikam"))
        #expect(decision.explanation.contains("An admin of Fabrikam must create the account"))
        #expect(decision.explanation.contains("the resource tenant Contoso can't fix this"))
    }

    @Test("the creation of a new Microsoft account is also stopped when passcodes are off")
    func createMicrosoftAccountDenied() {
        let context = Fixtures.redemption(
            tenant: Fixtures.contoso(emailOneTimePasscodeEnabled: false),
            home: Fixtures.fabrikamHome(user: nil, allowEmailVerifiedUsers: false))
        #expect(context.path == .createMicrosoftAccount)
        #expect(rule.evaluate(context).effect == .forbid)
    }

    @Test("the rule does not apply when the person has a home Entra account")
    func homeAccountIsNotApplicable() {
        let context = Fixtures.redemption(home: Fixtures.fabrikamHome(allowEmailVerifiedUsers: false))
        #expect(rule.evaluate(context).effect == .notApplicable)
    }

    @Test("the rule does not apply when the person redeems with an existing Microsoft account")
    func personalAccountIsNotApplicable() {
        let context = Fixtures.redemption(
            home: Fixtures.fabrikamHome(user: nil, allowEmailVerifiedUsers: false),
            personalAccount: PersonalAccount(id: Fixtures.IDs.msa, email: Fixtures.patAddress))
        #expect(rule.evaluate(context).effect == .notApplicable)
    }

    @Test("the rule does not apply when the domain belongs to no tenant of the world, or the guest already redeemed")
    func noHomeOrRedeemedIsNotApplicable() {
        #expect(rule.evaluate(Fixtures.redemption(address: "sam@adatum.com", home: nil)).effect == .notApplicable)
        let redeemed = Fixtures.redemption(state: .accepted, home: Fixtures.fabrikamHome(user: nil, allowEmailVerifiedUsers: false))
        #expect(rule.evaluate(redeemed).effect == .notApplicable)
    }
}
