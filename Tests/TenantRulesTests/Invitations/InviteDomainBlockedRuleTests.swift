import TenantModel
import TenantRules
import Testing

@Suite("b2b.invite.domain-blocked")
struct InviteDomainBlockedRuleTests {
    let rule = InviteDomainBlockedRule()

    @Test(
        "an invitation passes when the domain list allows it",
        arguments: [
            CollaborationRestrictions(tenantId: Fixtures.IDs.contoso),
            Fixtures.allowList("fabrikam.com", "adatum.com"),
            Fixtures.allowList("*.fabrikam.com"),
            Fixtures.denyList("adatum.com"),
        ])
    func allowedDomainPermitted(restrictions: CollaborationRestrictions) {
        let email = restrictions.domains == ["*.fabrikam.com"] ? "pat@eu.fabrikam.com" : Fixtures.patAddress
        let context = Fixtures.invitation(email: email, restrictions: restrictions)
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.createInvitation.decide(context), including: "b2b.invite.domain-blocked")
    }

    @Test("an invitation to a domain on the deny list is denied, and the fix is in the resource tenant")
    func denyListDenied() {
        let context = Fixtures.invitation(restrictions: Fixtures.denyList("fabrikam.com"))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.createInvitation.decide(context)
        expectDenied(
            decision, by: "b2b.invite.domain-blocked", status: 400, code: "BadRequest",
            message: "Invitations to the domain 'fabrikam.com' are blocked by the collaboration restrictions of this organization (blocked-domain).",
            surface: .graph)
        #expect(decision.explanation.contains("resource tenant Contoso"))
        #expect(decision.explanation.contains("Global Administrator of Contoso"))
        #expect(decision.explanation.contains("deny list; remove it"))
    }

    @Test("an invitation to a domain missing from the allow list is denied")
    func allowListWithoutDomainDenied() {
        let context = Fixtures.invitation(restrictions: Fixtures.allowList("adatum.com"))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.createInvitation.decide(context)
        expectDenied(decision, by: "b2b.invite.domain-blocked", status: 400, code: "BadRequest")
        #expect(decision.explanation.contains("add the domain to the allow list"))
    }

    @Test("the domain is compared case-insensitively")
    func uppercaseDomainDenied() {
        let context = Fixtures.invitation(email: "Pat@FABRIKAM.COM", restrictions: Fixtures.denyList("fabrikam.com"))
        #expect(rule.evaluate(context).effect == .forbid)
    }

    @Test("the rule does not apply when the address has no domain", arguments: [String?.none, "pat"])
    func noDomainIsNotApplicable(email: String?) {
        let context = Fixtures.invitation(email: email, restrictions: Fixtures.allowList("adatum.com"))
        #expect(rule.evaluate(context).effect == .notApplicable)
    }
}
