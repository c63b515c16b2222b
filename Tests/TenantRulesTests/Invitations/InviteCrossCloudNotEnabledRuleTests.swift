import Foundation
import TenantModel
import TenantRules
import Testing

@Suite("b2b.invite.cross-cloud-not-enabled")
struct InviteCrossCloudNotEnabledRuleTests {
    let rule = InviteCrossCloudNotEnabledRule()

    /// Contoso (resource, `resourceCloud`) inviting Pat of Fabrikam (home, `homeCloud`), with each of
    /// the four cross-cloud switches on or off.
    func crossCloud(
        resourceCloud: Cloud = .commercial, homeCloud: Cloud = .gccHigh, resourceEnablesCloud: Bool = true,
        resourceHasPartner: Bool = true, homeEnablesCloud: Bool = true, homeHasPartner: Bool = true
    ) -> InvitationContext {
        let contoso = Fixtures.contoso(cloud: resourceCloud)
        let fabrikam = Fixtures.fabrikam(cloud: homeCloud)
        let outbound = Fixtures.view(
            of: fabrikam, toward: contoso, partnerSettings: homeHasPartner ? CrossTenantAccessSettings() : nil,
            allowedCloudEndpoints: homeEnablesCloud ? [resourceCloud.entraCloud.cloudEndpoint] : [])
        let inbound = Fixtures.view(
            of: contoso, toward: fabrikam, partnerSettings: resourceHasPartner ? CrossTenantAccessSettings() : nil,
            allowedCloudEndpoints: resourceEnablesCloud ? [homeCloud.entraCloud.cloudEndpoint] : [])
        return Fixtures.invitation(
            tenant: contoso, home: Fixtures.fabrikamHome(tenant: fabrikam, outbound: outbound, resource: contoso), resourceInbound: inbound)
    }

    @Test("a commercial tenant may invite a GCC High user when both sides enabled the other cloud and added the partner")
    func bothSidesEnabledPermitted() {
        let context = crossCloud()
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.createInvitation.decide(context), including: "b2b.invite.cross-cloud-not-enabled")
    }

    @Test("a cross-cloud invitation is denied when the resource tenant has not enabled the invitee's cloud")
    func resourceSideMissingDenied() {
        let context = crossCloud(resourceEnablesCloud: false)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.createInvitation.decide(context)
        expectDenied(
            decision, by: "b2b.invite.cross-cloud-not-enabled", status: 400, code: "BadRequest",
            message: "B2B collaboration with a tenant in another Microsoft cloud is not enabled in both organizations' cross-tenant access settings.",
            surface: .graph)
        #expect(decision.explanation.contains("in the RESOURCE tenant Contoso: enable 'microsoftonline.us'"))
        #expect(!decision.explanation.contains("in the HOME tenant"))
    }

    @Test("a cross-cloud invitation is denied when the home tenant has not added the resource tenant, and says where to fix it")
    func homeSideMissingDenied() {
        let context = crossCloud(homeHasPartner: false)
        let decision = OperationRules.createInvitation.decide(context)
        expectDenied(decision, by: "b2b.invite.cross-cloud-not-enabled", status: 400, code: "BadRequest")
        #expect(decision.explanation.contains("in the HOME tenant Fabrikam: add tenant \(Fixtures.IDs.contoso) as an organization"))
        #expect(!decision.explanation.contains("in the RESOURCE tenant"))
    }

    @Test("every missing switch is listed when nothing is set up")
    func nothingSetUpListsAll() {
        let context = crossCloud(resourceEnablesCloud: false, resourceHasPartner: false, homeEnablesCloud: false, homeHasPartner: false)
        let decision = OperationRules.createInvitation.decide(context)
        #expect(decision.deniedBy == "b2b.invite.cross-cloud-not-enabled")
        #expect(decision.explanation.components(separatedBy: "in the RESOURCE tenant Contoso").count - 1 == 2)
        #expect(decision.explanation.components(separatedBy: "in the HOME tenant Fabrikam").count - 1 == 2)
    }

    @Test("Government and China tenants can never collaborate, whatever the settings")
    func governmentChinaNeverSupported() {
        let context = crossCloud(resourceCloud: .gccHigh, homeCloud: .china)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.createInvitation.decide(context)
        expectDenied(decision, by: "b2b.invite.cross-cloud-not-enabled", status: 400, code: "BadRequest")
        #expect(decision.explanation.contains("not supported at all"))
    }

    @Test("the rule does not apply between commercial and GCC, which share one Entra cloud")
    func commercialAndGCCIsNotApplicable() {
        let context = crossCloud(
            homeCloud: .gcc, resourceEnablesCloud: false, resourceHasPartner: false, homeEnablesCloud: false, homeHasPartner: false)
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.createInvitation.decide(context))
    }

    @Test("the rule does not apply when the invitee's home tenant is unknown")
    func unknownHomeIsNotApplicable() {
        #expect(rule.evaluate(Fixtures.invitation(email: "sam@gmail.com", home: nil)).effect == .notApplicable)
    }
}
