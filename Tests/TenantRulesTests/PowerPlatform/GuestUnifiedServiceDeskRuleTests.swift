import TenantModel
import TenantRules
import Testing

@Suite("ce.guest.unified-service-desk")
struct GuestUnifiedServiceDeskRuleTests {
    let rule = GuestUnifiedServiceDeskRule()

    @Test("a member may sign in with the Unified Service Desk client")
    func memberPermitted() {
        let context = Fixtures.feature(.unifiedServiceDesk, user: Fixtures.contosoMember())
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.useFeature.decide(context), including: "ce.guest.unified-service-desk")
    }

    @Test(
        "a guest can't sign in to the host environment with Unified Service Desk, whatever identity they redeemed with",
        arguments: [
            Fixtures.entraGuest(), Fixtures.msaGuest(), Fixtures.otpGuest(), Fixtures.contosoGuest(),
        ])
    func guestDenied(guest: User) {
        let context = Fixtures.feature(.unifiedServiceDesk, user: guest)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.useFeature.decide(context)
        expectDenied(
            decision, by: "ce.guest.unified-service-desk", status: 403, code: "UnifiedServiceDeskGuestNotSupported",
            message: "Invited (B2B guest) users can't sign in to the host environment with the Unified Service Desk client.",
            surface: .dataverse)
        // Not AADSTS50020 ("not in tenant"): the guest *is* in the tenant; USD refuses guests.
        #expect(decision.error?.aadsts == nil)
        #expect(decision.error?.oauthError == nil)
        #expect(
            decision.explanation.contains("\(guest.label) is a B2B guest in Contoso; Unified Service Desk client isn't supported for invited users"))
        #expect(decision.explanation.hasSuffix("If the person needs Unified Service Desk, create a member account for them in Contoso."))
        #expect(decision.facts == [Fact("feature", "unifiedServiceDesk"), Fact("user.userType", "Guest")])
    }

    @Test("the rule does not apply to other features", arguments: CustomerEngagementFeature.allCases.filter { $0 != .unifiedServiceDesk })
    func otherFeaturesAreNotApplicable(feature: CustomerEngagementFeature) {
        #expect(rule.evaluate(Fixtures.feature(feature)).effect == .notApplicable)
    }
}
