import TenantModel
import TenantRules
import Testing

@Suite("b2b.redeem.cross-tenant-blocked")
struct RedeemCrossTenantBlockedRuleTests {
    let rule = RedeemCrossTenantBlockedRule()
    let contoso = Fixtures.contoso()
    let fabrikam = Fixtures.fabrikam()

    @Test("a guest with a home account redeems when cross-tenant settings allow collaboration")
    func defaultsPermitted() {
        let context = Fixtures.redemption(home: Fixtures.fabrikamHome())
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.redeemInvitation.decide(context), including: "b2b.redeem.cross-tenant-blocked")
    }

    @Test("redemption blocked by the home tenant's outbound settings fails with AADSTS500212, fixed in the home tenant")
    func outboundBlockDenied() {
        let outbound = Fixtures.view(of: fabrikam, toward: contoso, partnerSettings: Fixtures.collaboration(outbound: .blockAll))
        let context = Fixtures.redemption(home: Fixtures.fabrikamHome(outbound: outbound))
        #expect(rule.evaluate(context).effect == .forbid)
        #expect(rule.evaluate(context).wire?.aadsts == 500212)
        let decision = OperationRules.redeemInvitation.decide(context)
        expectDenied(
            decision, by: "b2b.redeem.cross-tenant-blocked", status: 400, code: "NotAllowedByOutboundPolicyTenant",
            message: "The user's administrator has set an outbound access policy that doesn't allow access to the resource tenant.",
            aadsts: 500212, surface: .login)
        #expect(decision.error?.oauthError == "access_denied")
        #expect(decision.explanation.contains("an admin of Fabrikam must allow outbound B2B collaboration"))
    }

    @Test("redemption blocked by the resource tenant's inbound settings fails with AADSTS500213, fixed in the resource tenant")
    func inboundBlockDenied() {
        let inbound = Fixtures.view(of: contoso, toward: fabrikam, defaults: Fixtures.collaboration(inbound: .blockAll))
        let context = Fixtures.redemption(home: Fixtures.fabrikamHome(), resourceInbound: inbound)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.redeemInvitation.decide(context)
        expectDenied(
            decision, by: "b2b.redeem.cross-tenant-blocked", status: 400, code: "NotAllowedByInboundPolicyTenant",
            message: "The resource tenant's cross-tenant access policy doesn't allow this user to access this tenant.",
            aadsts: 500213, surface: .login)
        #expect(decision.explanation.contains("Administrator of Contoso must allow inbound B2B collaboration"))
        #expect(decision.explanation.contains("the default settings"))
    }

    @Test("the rule does not apply to a guest who already redeemed")
    func alreadyRedeemedIsNotApplicable() {
        let inbound = Fixtures.view(of: contoso, toward: fabrikam, defaults: Fixtures.collaboration(inbound: .blockAll))
        let context = Fixtures.redemption(state: .accepted, home: Fixtures.fabrikamHome(), resourceInbound: inbound)
        #expect(rule.evaluate(context).effect == .notApplicable)
    }

    @Test("the rule does not apply when the home tenant is unknown or the person has no account there")
    func noHomeAccountIsNotApplicable() {
        #expect(rule.evaluate(Fixtures.redemption(address: "sam@gmail.com", home: nil)).effect == .notApplicable)
        let inbound = Fixtures.view(of: contoso, toward: fabrikam, defaults: Fixtures.collaboration(inbound: .blockAll))
        let noAccount = Fixtures.redemption(home: Fixtures.fabrikamHome(user: nil), resourceInbound: inbound)
        #expect(rule.evaluate(noAccount).effect == .notApplicable)
    }
}
