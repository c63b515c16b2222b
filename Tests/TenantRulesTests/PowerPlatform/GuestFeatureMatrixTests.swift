import TenantModel
import TenantRules
import Testing

/// The four incompatibilities of the seed ("Incompatibilities" 1–4) through `useFeature`: what a
/// guest and a member get for every customer engagement feature.
@Suite("ce.guest.* feature matrix")
struct GuestFeatureMatrixTests {
    /// The rule, status, code and AADSTS number a guest is denied with; `nil` when permitted.
    /// Exhaustive on purpose: a new feature must be placed here.
    static func guestDenial(_ feature: CustomerEngagementFeature) -> (rule: String, status: Int, code: String, aadsts: Int?)? {
        switch feature {
        case .unifiedServiceDesk: ("ce.guest.unified-service-desk", 403, "UnifiedServiceDeskGuestNotSupported", nil)
        case .appForOutlook, .serverSideSync, .approveEmail: ("ce.guest.app-for-outlook", 400, "MailboxNotInTenant", nil)
        case .createM365Group: ("ce.guest.m365-group-create", 403, "Authorization_RequestDenied", nil)
        case .postToGroupFromApp: ("ce.guest.m365-group-post", 403, "Authorization_RequestDenied", nil)
        case .postToGroupFromOutlook: nil
        case .customerVoice: ("ce.guest.customer-voice", 403, "GuestNotSupported", nil)
        }
    }

    @Test("a guest gets the documented outcome for every feature", arguments: CustomerEngagementFeature.allCases)
    func guestOutcome(feature: CustomerEngagementFeature) {
        let decision = OperationRules.useFeature.decide(Fixtures.feature(feature))
        if let denial = Self.guestDenial(feature) {
            expectDenied(decision, by: denial.rule, status: denial.status, code: denial.code, aadsts: denial.aadsts)
            #expect(decision.explanation.contains("is a B2B guest in Contoso"))
        } else {
            expectPermitted(decision)
        }
        // Exactly one rule speaks to each feature; the others are not applicable.
        let applicable = decision.evaluations.filter { $0.effect != .notApplicable }
        #expect(applicable.count == 1)
    }

    @Test("a member is permitted every feature", arguments: CustomerEngagementFeature.allCases)
    func memberPermitted(feature: CustomerEngagementFeature) {
        let decision = OperationRules.useFeature.decide(Fixtures.feature(feature, user: Fixtures.contosoMember()))
        expectPermitted(decision)
        #expect(decision.evaluations.filter { $0.effect == .permit }.count == 1)
    }
}
