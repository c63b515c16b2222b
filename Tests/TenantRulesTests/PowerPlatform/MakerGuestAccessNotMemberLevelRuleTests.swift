import TenantModel
import TenantRules
import Testing

@Suite("pp.maker.guest-access-not-member-level")
struct MakerGuestAccessNotMemberLevelRuleTests {
    let rule = MakerGuestAccessNotMemberLevelRule()

    @Test("a guest may make apps when the resource tenant gives guests the same access as members")
    func sameAsMembersPermitted() {
        let context = Fixtures.maker(resourcePolicy: Fixtures.policy(guestRole: .sameAsMembers))
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.makeApp.decide(context), including: "pp.maker.guest-access-not-member-level")
    }

    @Test("a more restrictive guest access level in the resource tenant denies guest makers", arguments: [GuestUserRole.limited, .restricted])
    func restrictedDenied(role: GuestUserRole) {
        let context = Fixtures.maker(resourcePolicy: Fixtures.policy(guestRole: role))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.makeApp.decide(context)
        expectDenied(
            decision, by: "pp.maker.guest-access-not-member-level", status: 403, code: "GuestAccessRestricted",
            message: "Guest user access in this tenant is too restricted for guests to make apps.", surface: .adminAPI)
        #expect(
            decision.explanation.contains(
                "In the RESOURCE tenant Contoso (contoso.onmicrosoft.com, commercial), guest user access is \"\(role.portalWording)\"."))
        #expect(decision.explanation.contains("A Privileged Role or Global administrator of Contoso must set External collaboration settings"))
        #expect(decision.explanation.contains("{\"guestUserRoleId\":\"a0b1b346-4d3e-4e8b-98f8-753987be4970\"}"))
        #expect(!decision.explanation.contains("HOME tenant"))
    }

    @Test("'same as members' only in the guest's HOME tenant doesn't help; the explanation points to the resource tenant")
    func homeOnlyDenied() {
        let context = Fixtures.maker(
            resourcePolicy: AuthorizationPolicy.defaults(tenantId: Fixtures.IDs.contoso, cloud: .commercial),
            homePolicy: Fixtures.policy(of: Fixtures.IDs.fabrikam, guestRole: .sameAsMembers))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.makeApp.decide(context)
        expectDenied(decision, by: "pp.maker.guest-access-not-member-level", status: 403, code: "GuestAccessRestricted", surface: .adminAPI)
        #expect(decision.explanation.contains("In the RESOURCE tenant Contoso"))
        #expect(
            decision.explanation.contains(
                "The guest's HOME tenant Fabrikam is already at \"same as members\", but that setting only governs guests in the home tenant; it must be set in the resource tenant."
            ))
        #expect(decision.explanation.contains("administrator of Contoso must set"))
        #expect(
            decision.facts == [
                Fact("resourceTenant.guestUserRoleId", GuestUserRole.limited.rawValue),
                Fact("homeTenant.guestUserRoleId", GuestUserRole.sameAsMembers.rawValue),
            ])
    }

    @Test("an unknown guest role id is reported as such and denied")
    func unknownRoleDenied() {
        var policy = Fixtures.policy(guestRole: .limited)
        policy.guestUserRoleId = "00000000-0000-4000-8000-00000000beef"
        let decision = OperationRules.makeApp.decide(Fixtures.maker(resourcePolicy: policy))
        #expect(decision.deniedBy == "pp.maker.guest-access-not-member-level")
        #expect(decision.explanation.contains("unknown guest role 00000000-0000-4000-8000-00000000beef"))
    }

    @Test("the rule is checked before enableGuestsToMake, in the seed's order (step 1 before step 2)")
    func evaluatedBeforeGuestsCannotMake() {
        let context = Fixtures.maker(
            resourceSettings: TenantSettings(tenantId: Fixtures.IDs.contoso), resourcePolicy: Fixtures.policy(guestRole: .limited))
        #expect(OperationRules.makeApp.decide(context).deniedBy == "pp.maker.guest-access-not-member-level")
    }

    @Test("the rule does not apply to a member")
    func memberIsNotApplicable() {
        let context = Fixtures.maker(user: Fixtures.contosoMember(), resourcePolicy: Fixtures.policy(guestRole: .restricted))
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.makeApp.decide(context))
    }
}
