import TenantModel
import TenantRules
import Testing

@Suite("ce.guest.customer-voice")
struct GuestCustomerVoiceRuleTests {
    let rule = GuestCustomerVoiceRule()

    @Test("a member may use Dynamics 365 Customer Voice")
    func memberPermitted() {
        let context = Fixtures.feature(.customerVoice, user: Fixtures.contosoMember())
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.useFeature.decide(context), including: "ce.guest.customer-voice")
    }

    @Test("a guest can't use Customer Voice; the fix is a member user in the host tenant")
    func guestDenied() {
        let context = Fixtures.feature(.customerVoice)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.useFeature.decide(context)
        expectDenied(
            decision, by: "ce.guest.customer-voice", status: 403, code: "GuestNotSupported",
            message: "Dynamics 365 Customer Voice isn't available to invited (B2B guest) users.", surface: .adminAPI)
        #expect(decision.explanation.contains("Pat Guest (pat@fabrikam.com) is a B2B guest in Contoso; Dynamics 365 Customer Voice isn't supported"))
        #expect(decision.explanation.hasSuffix("Create a member user in Contoso and give that user access to Customer Voice."))
    }

    @Test("the rule does not apply to other features", arguments: CustomerEngagementFeature.allCases.filter { $0 != .customerVoice })
    func otherFeaturesAreNotApplicable(feature: CustomerEngagementFeature) {
        #expect(rule.evaluate(Fixtures.feature(feature)).effect == .notApplicable)
    }
}
