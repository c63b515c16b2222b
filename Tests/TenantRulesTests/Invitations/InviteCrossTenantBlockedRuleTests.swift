import TenantModel
import TenantRules
import Testing

@Suite("b2b.invite.cross-tenant-blocked")
struct InviteCrossTenantBlockedRuleTests {
    let rule = InviteCrossTenantBlockedRule()
    static let message =
        "This invitation is blocked by cross-tenant access settings. Admins in both your organization and the invited user's organization must configure cross-tenant access settings to allow the invitation."

    let contoso = Fixtures.contoso()
    let fabrikam = Fixtures.fabrikam()

    @Test("an invitation passes with the service-default cross-tenant settings on both sides")
    func defaultsPermitted() {
        let context = Fixtures.invitation(home: Fixtures.fabrikamHome())
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.createInvitation.decide(context), including: "b2b.invite.cross-tenant-blocked")
    }

    @Test("the home tenant's outbound block denies the invitation and the fix is in the home tenant")
    func homeOutboundBlockDenied() {
        let outbound = Fixtures.view(of: fabrikam, toward: contoso, defaults: Fixtures.collaboration(outbound: .blockAll))
        let context = Fixtures.invitation(home: Fixtures.fabrikamHome(outbound: outbound))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.createInvitation.decide(context)
        expectDenied(decision, by: "b2b.invite.cross-tenant-blocked", status: 400, code: "BadRequest", message: Self.message, surface: .graph)
        #expect(decision.explanation.contains("HOME tenant Fabrikam"))
        #expect(decision.explanation.contains("an admin of Fabrikam must allow outbound B2B collaboration"))
        #expect(decision.explanation.contains("Nothing in the resource tenant can fix this"))
    }

    @Test("the resource tenant's partner entry blocking inbound users denies the invitation and the fix is in the resource tenant")
    func resourceInboundBlockDenied() {
        let inbound = Fixtures.view(
            of: contoso, toward: fabrikam, partnerSettings: Fixtures.collaboration(inbound: .blockAll))
        let context = Fixtures.invitation(home: Fixtures.fabrikamHome(), resourceInbound: inbound)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.createInvitation.decide(context)
        expectDenied(decision, by: "b2b.invite.cross-tenant-blocked", status: 400, code: "BadRequest", message: Self.message)
        #expect(decision.explanation.contains("RESOURCE tenant Contoso"))
        #expect(decision.explanation.contains("Administrator of Contoso must allow inbound B2B collaboration"))
        #expect(decision.explanation.contains("organizational setting for tenant \(Fixtures.IDs.fabrikam)"))
    }

    @Test("a partner entry allowing inbound collaboration overrides a blocking default")
    func partnerOverridesDefault() {
        let inbound = Fixtures.view(
            of: contoso, toward: fabrikam, defaults: Fixtures.collaboration(inbound: .blockAll),
            partnerSettings: Fixtures.collaboration(inbound: .allowAll))
        #expect(rule.evaluate(Fixtures.invitation(home: Fixtures.fabrikamHome(), resourceInbound: inbound)).effect == .permit)
    }

    @Test("a partner entry without a collaboration block inherits the blocking default")
    func partnerInheritsDefault() {
        let inbound = Fixtures.view(
            of: contoso, toward: fabrikam, defaults: Fixtures.collaboration(inbound: .blockAll), partnerSettings: CrossTenantAccessSettings())
        #expect(rule.evaluate(Fixtures.invitation(home: Fixtures.fabrikamHome(), resourceInbound: inbound)).effect == .forbid)
    }

    @Test("outbound collaboration allowed only for a group lets that group's members through and stops others")
    func groupTargeting() {
        let group = CrossTenantTarget(target: Fixtures.IDs.fabrikamEngineering, targetType: "group")
        let outbound = Fixtures.view(
            of: fabrikam, toward: contoso, defaults: Fixtures.collaboration(outbound: Fixtures.b2b(.allowed, users: [group])))
        let inGroup = Fixtures.invitation(home: Fixtures.fabrikamHome(groupIds: [Fixtures.IDs.fabrikamEngineering], outbound: outbound))
        let notInGroup = Fixtures.invitation(home: Fixtures.fabrikamHome(groupIds: [], outbound: outbound))
        #expect(rule.evaluate(inGroup).effect == .permit)
        #expect(rule.evaluate(notInGroup).effect == .forbid)
    }

    @Test("the rule does not apply when the invitee's home tenant is not a tenant of the world")
    func unknownHomeIsNotApplicable() {
        let context = Fixtures.invitation(email: "sam@outlook.com", home: nil)
        #expect(rule.evaluate(context).effect == .notApplicable)
        #expect(effect(of: "b2b.invite.cross-tenant-blocked", in: OperationRules.createInvitation.decide(context)) == .notApplicable)
    }
}
