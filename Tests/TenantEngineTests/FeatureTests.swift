import Foundation
import TenantEngine
import TenantModel
import Testing

@Suite("Features B2B guests can't use")
struct FeatureTests {
    static let expectations: [(CustomerEngagementFeature, String?)] = [
        (.unifiedServiceDesk, "ce.guest.unified-service-desk"),
        (.appForOutlook, "ce.guest.app-for-outlook"),
        (.serverSideSync, "ce.guest.app-for-outlook"),
        (.approveEmail, "ce.guest.app-for-outlook"),
        (.createM365Group, "ce.guest.m365-group-create"),
        (.postToGroupFromApp, "ce.guest.m365-group-post"),
        (.postToGroupFromOutlook, nil),
        (.customerVoice, "ce.guest.customer-voice"),
    ]

    @Test("each incompatible feature is denied for a guest and permitted for a member", arguments: expectations)
    func guestVersusMember(feature: CustomerEngagementFeature, deniedBy rule: String?) async throws {
        let (engine, world) = try await TestWorld.engine()
        let flow = Onboarding(engine: engine, world: world, resource: "contoso")
        _ = try await flow.invitedAndRedeemed("pat@fabrikam.com")
        let guestError = await denial { () async throws(TenantError) in
            try await engine.useFeature(feature, in: "Contoso Sales", as: "pat@fabrikam.com")
        }
        #expect(guestError?.ruleIds == rule.map { [$0] } ?? nil, "guest using \(feature)")
        let memberError = await denial { () async throws(TenantError) in
            try await engine.useFeature(feature, in: "Contoso Sales", as: "member@contoso.com")
        }
        #expect(memberError == nil, "member using \(feature)")
    }
}
