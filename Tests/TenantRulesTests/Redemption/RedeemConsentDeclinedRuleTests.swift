import TenantModel
import TenantRules
import Testing

@Suite("b2b.redeem.consent-declined")
struct RedeemConsentDeclinedRuleTests {
    let rule = RedeemConsentDeclinedRule()

    func context(declined: Bool, route: RedemptionRoute = .emailLink, state: ExternalUserState = .pendingAcceptance) -> RedemptionContext {
        var context = Fixtures.redemption(state: state)
        context.consentDeclined = declined
        context.route = route
        return context
    }

    @Test("a guest who accepts the consent prompt redeems, by either route", arguments: [RedemptionRoute.emailLink, .directLink])
    func acceptPermitted(route: RedemptionRoute) {
        #expect(rule.evaluate(context(declined: false, route: route)).effect == .permit)
        expectPermitted(OperationRules.redeemInvitation.decide(context(declined: false, route: route)), including: rule.metadata.id)
    }

    @Test("declining the consent prompt is denied with access_denied, naming the route", arguments: [RedemptionRoute.emailLink, .directLink])
    func declineDenied(route: RedemptionRoute) {
        let decision = OperationRules.redeemInvitation.decide(context(declined: true, route: route))
        expectDenied(decision, by: "b2b.redeem.consent-declined", status: 400, code: "ConsentDeclined", surface: .login)
        #expect(decision.explanation.contains(route == .emailLink ? "the invitation email's link" : "just in time through a direct link"))
        #expect(decision.facts.contains(Fact("redemption.route", route.rawValue)))
    }

    @Test("the rule does not apply once the invitation is redeemed")
    func redeemedNotApplicable() {
        #expect(rule.evaluate(context(declined: true, state: .accepted)).effect == .notApplicable)
    }
}
