import TenantModel
import TenantRules
import Testing

@Suite("b2b.redeem.domain-blocked")
struct RedeemDomainBlockedRuleTests {
    let rule = RedeemDomainBlockedRule()

    @Test("a pending invitation to an allowed domain can be redeemed")
    func allowedDomainPermitted() {
        let context = Fixtures.redemption(restrictions: Fixtures.denyList("adatum.com"))
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.redeemInvitation.decide(context), including: "b2b.redeem.domain-blocked")
    }

    @Test("a pending invitation can't be redeemed once its domain is on the deny list")
    func blockedWhilePendingDenied() {
        let context = Fixtures.redemption(restrictions: Fixtures.denyList("fabrikam.com"))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.redeemInvitation.decide(context)
        expectDenied(
            decision, by: "b2b.redeem.domain-blocked", status: 400, code: "blocked-domain",
            message: "The invitation can't be redeemed: the inviting organization's collaboration restrictions now block your domain.",
            surface: .login)
        #expect(decision.error?.oauthError == "access_denied")
        #expect(decision.explanation.contains("RESOURCE tenant Contoso"))
        #expect(decision.explanation.contains("Global Administrator of Contoso must allow the domain again"))
    }

    @Test("a pending invitation can't be redeemed when an allow list no longer includes its domain")
    func allowListWithoutDomainDenied() {
        let context = Fixtures.redemption(restrictions: Fixtures.allowList("adatum.com"))
        #expect(rule.evaluate(context).effect == .forbid)
    }

    @Test("the restrictions do not affect a guest who already redeemed")
    func alreadyRedeemedIsNotApplicable() {
        let context = Fixtures.redemption(state: .accepted, restrictions: Fixtures.denyList("fabrikam.com"))
        #expect(rule.evaluate(context).effect == .notApplicable)
        #expect(OperationRules.redeemInvitation.decide(context).deniedBy == nil)
    }
}
