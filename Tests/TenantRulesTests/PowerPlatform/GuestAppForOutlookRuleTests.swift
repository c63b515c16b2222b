import TenantModel
import TenantRules
import Testing

@Suite("ce.guest.app-for-outlook")
struct GuestAppForOutlookRuleTests {
    let rule = GuestAppForOutlookRule()
    static let mailFeatures: [CustomerEngagementFeature] = [.appForOutlook, .serverSideSync, .approveEmail]

    @Test("a member may use App for Outlook, server-side sync and approve email", arguments: mailFeatures)
    func memberPermitted(feature: CustomerEngagementFeature) {
        let context = Fixtures.feature(feature, user: Fixtures.contosoMember())
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.useFeature.decide(context), including: "ce.guest.app-for-outlook")
    }

    @Test("a guest's own-tenant mailbox can't be used, synchronized or approved in the host environment", arguments: mailFeatures)
    func guestDenied(feature: CustomerEngagementFeature) {
        let context = Fixtures.feature(feature)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.useFeature.decide(context)
        expectDenied(
            decision, by: "ce.guest.app-for-outlook", status: 400, code: "MailboxNotInTenant",
            message: "The mailbox of an invited (B2B guest) user can't be approved or synchronized in this environment.", surface: .dataverse)
        #expect(
            decision.explanation.contains(
                "Pat Guest (pat@fabrikam.com) is a B2B guest in Contoso; \(feature.displayName) isn't supported for invited users"))
        #expect(decision.explanation.contains("Mail sync only works for Exchange Online in the same tenant as the environment"))
        #expect(decision.explanation.hasSuffix("use a member account with a mailbox in Contoso for email tracking."))
    }

    @Test(
        "the rule does not apply to features that are not about email",
        arguments: CustomerEngagementFeature.allCases.filter { !mailFeatures.contains($0) })
    func otherFeaturesAreNotApplicable(feature: CustomerEngagementFeature) {
        #expect(rule.evaluate(Fixtures.feature(feature)).effect == .notApplicable)
        #expect(rule.evaluate(Fixtures.feature(feature, user: Fixtures.contosoMember())).effect == .notApplicable)
    }
}
