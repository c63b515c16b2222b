import TenantModel
import TenantRules
import Testing

@Suite("ce.guest.m365-group-create")
struct GuestM365GroupCreateRuleTests {
    let rule = GuestM365GroupCreateRule()
    static let groupFeatures: [CustomerEngagementFeature] = [.createM365Group, .postToGroupFromApp, .postToGroupFromOutlook]

    @Test("a member may create groups and post to them from the app or from Outlook", arguments: groupFeatures)
    func memberPermitted(feature: CustomerEngagementFeature) {
        let context = Fixtures.feature(feature, user: Fixtures.contosoMember())
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.useFeature.decide(context), including: "ce.guest.m365-group-create")
    }

    @Test("a guest may take part in a group conversation from their Outlook inbox")
    func guestPostingFromOutlookPermitted() {
        let context = Fixtures.feature(.postToGroupFromOutlook)
        let outcome = rule.evaluate(context)
        #expect(outcome.effect == .permit)
        #expect(outcome.facts == [Fact("feature", "postToGroupFromOutlook"), Fact("user.userType", "Guest")])
        expectPermitted(OperationRules.useFeature.decide(context), including: "ce.guest.m365-group-create")
    }

    @Test(
        "a guest can't create a Microsoft 365 group in the host tenant, nor post to one from inside the app",
        arguments: [
            CustomerEngagementFeature.createM365Group, .postToGroupFromApp,
        ])
    func guestDenied(feature: CustomerEngagementFeature) {
        let context = Fixtures.feature(feature)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.useFeature.decide(context)
        expectDenied(
            decision, by: "ce.guest.m365-group-create", status: 403, code: "Authorization_RequestDenied",
            message: "Invited (B2B guest) users can't create Microsoft 365 groups in this tenant or post to them from the app.", surface: .graph)
        #expect(decision.explanation.contains("Pat Guest (pat@fabrikam.com) is a B2B guest in Contoso; \(feature.displayName) isn't supported"))
        #expect(
            decision.explanation.hasSuffix(
                "Guests can join the group's conversations from their Outlook inbox instead; a member of Contoso must create the group."))
    }

    @Test(
        "the rule does not apply to features that are not about Microsoft 365 groups",
        arguments: CustomerEngagementFeature.allCases.filter { !groupFeatures.contains($0) })
    func otherFeaturesAreNotApplicable(feature: CustomerEngagementFeature) {
        #expect(rule.evaluate(Fixtures.feature(feature)).effect == .notApplicable)
    }
}
