import TenantModel
import TenantRules
import Testing

@Suite("ce.guest.m365-group-create")
struct GuestM365GroupCreateRuleTests {
    let rule = GuestM365GroupCreateRule()
    @Test("a member may create a Microsoft 365 group")
    func memberPermitted() {
        let context = Fixtures.feature(.createM365Group, user: Fixtures.contosoMember())
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.useFeature.decide(context), including: "ce.guest.m365-group-create")
    }

    @Test("a guest can't create a Microsoft 365 group in the host tenant")
    func guestDenied() {
        let context = Fixtures.feature(.createM365Group)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.useFeature.decide(context)
        expectDenied(
            decision, by: "ce.guest.m365-group-create", status: 403, code: "Authorization_RequestDenied",
            message: "Invited (B2B guest) users can't create Microsoft 365 groups in this tenant.", surface: .graph)
        #expect(decision.explanation.contains("Pat Guest (pat@fabrikam.com) is a B2B guest in Contoso; create a Microsoft 365 group isn't supported"))
        #expect(
            decision.explanation.hasSuffix(
                "A member of Contoso must create the group; the guest can then join its conversations from their Outlook inbox."))
    }

    @Test(
        "the rule does not apply to posting or to features that are not about Microsoft 365 groups",
        arguments: CustomerEngagementFeature.allCases.filter { $0 != .createM365Group })
    func otherFeaturesAreNotApplicable(feature: CustomerEngagementFeature) {
        #expect(rule.evaluate(Fixtures.feature(feature)).effect == .notApplicable)
    }
}
