import TenantModel
import TenantRules
import Testing

@Suite("ce.guest.m365-group-post")
struct GuestM365GroupPostRuleTests {
    let rule = GuestM365GroupPostRule()
    static let postingFeatures: [CustomerEngagementFeature] = [.postToGroupFromApp, .postToGroupFromOutlook]

    @Test("a member may post to a group conversation from the app or from Outlook", arguments: postingFeatures)
    func memberPermitted(feature: CustomerEngagementFeature) {
        let context = Fixtures.feature(feature, user: Fixtures.contosoMember())
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.useFeature.decide(context), including: "ce.guest.m365-group-post")
    }

    @Test("a guest may take part in a group conversation from their Outlook inbox")
    func guestPostingFromOutlookPermitted() {
        let context = Fixtures.feature(.postToGroupFromOutlook)
        let outcome = rule.evaluate(context)
        #expect(outcome.effect == .permit)
        #expect(outcome.facts == [Fact("feature", "postToGroupFromOutlook"), Fact("user.userType", "Guest")])
        expectPermitted(OperationRules.useFeature.decide(context), including: "ce.guest.m365-group-post")
    }

    @Test("a guest can't post to a group conversation from inside the customer engagement app")
    func guestDenied() {
        let context = Fixtures.feature(.postToGroupFromApp)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.useFeature.decide(context)
        expectDenied(
            decision, by: "ce.guest.m365-group-post", status: 403, code: "Authorization_RequestDenied",
            message:
                "Invited (B2B guest) users can take part in Microsoft 365 group conversations from their Outlook inbox, not from within the app.",
            surface: .graph)
        #expect(decision.explanation.contains("is a B2B guest in Contoso"))
        #expect(decision.explanation.hasSuffix("Post from the Outlook inbox instead: as a guest of the group, that works."))
    }

    @Test(
        "the rule does not apply to creating groups or to other features",
        arguments: CustomerEngagementFeature.allCases.filter { !postingFeatures.contains($0) })
    func otherFeaturesAreNotApplicable(feature: CustomerEngagementFeature) {
        #expect(rule.evaluate(Fixtures.feature(feature)).effect == .notApplicable)
    }
}
