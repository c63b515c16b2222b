import TenantModel
import TenantRules
import Testing

@Suite("b2b.invite.disabled")
struct InviteDisabledRuleTests {
    let rule = InviteDisabledRule()
    static let disabledMessage = "Guest invitations not allowed for your company. Contact your company administrator for more details."

    @Test("guest invite is permitted when allowInvitesFrom is everyone")
    func permittedWhenEveryone() {
        let context = Fixtures.invitation(caller: Fixtures.user([], scopes: ["User.Invite.All"]), allowInvitesFrom: .everyone)
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.createInvitation.decide(context), including: "b2b.invite.disabled")
    }

    @Test(
        "only `none` turns invitations off: the restrictive levels still pass this rule",
        arguments: [
            AllowInvitesFrom.adminsAndGuestInviters, .adminsGuestInvitersAndAllMembers, .everyone,
        ])
    func otherLevelsPermit(level: AllowInvitesFrom) {
        #expect(rule.evaluate(Fixtures.invitation(allowInvitesFrom: level)).effect == .permit)
    }

    @Test("guest invite is denied when allowInvitesFrom is none, even for a Global Administrator")
    func globalAdminDeniedWhenNone() {
        let context = Fixtures.invitation(
            caller: Fixtures.user([.globalAdministrator], scopes: ["User.Invite.All"]), allowInvitesFrom: .none)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.createInvitation.decide(context)
        expectDenied(
            decision, by: "b2b.invite.disabled", status: 403, code: "Authorization_RequestDenied", message: Self.disabledMessage,
            surface: .graph)
        #expect(decision.explanation.contains("resource tenant Contoso"))
        #expect(decision.explanation.contains("Global Administrator of Contoso"))
        #expect(decision.source?.contains("\"Configure external collaboration settings for B2B in Microsoft Entra External ID\"") == true)
    }

    @Test("an app-only invite is denied when allowInvitesFrom is none")
    func appDeniedWhenNone() {
        let context = Fixtures.invitation(caller: Fixtures.app(["User.Invite.All"]), allowInvitesFrom: .none)
        #expect(rule.evaluate(context).effect == .forbid)
        expectDenied(
            OperationRules.createInvitation.decide(context), by: "b2b.invite.disabled", status: 403,
            code: "Authorization_RequestDenied", message: Self.disabledMessage)
    }

    @Test("the explanation of a US Government tenant says it starts with invitations off")
    func governmentNote() {
        let gccHigh = Fixtures.invitation(tenant: Fixtures.contoso(cloud: .gccHigh), allowInvitesFrom: .none)
        #expect(OperationRules.createInvitation.decide(gccHigh).explanation.contains("GCC High tenants start with this setting"))
        let commercial = Fixtures.invitation(allowInvitesFrom: .none)
        #expect(!OperationRules.createInvitation.decide(commercial).explanation.contains("start with this setting"))
    }

    @Test("the rule does not apply to TenantSim itself building the world")
    func systemIsNotApplicable() {
        let context = Fixtures.invitation(caller: .system, allowInvitesFrom: .none)
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.createInvitation.decide(context))
    }
}
