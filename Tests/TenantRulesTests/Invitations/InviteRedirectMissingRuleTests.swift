import TenantModel
import TenantRules
import Testing

@Suite("b2b.invite.redirect-missing")
struct InviteRedirectMissingRuleTests {
    let rule = InviteRedirectMissingRule()

    @Test(
        "an absolute https or http redirect URL is accepted",
        arguments: [
            "https://myapps.microsoft.com", "https://myapps.microsoft.com/?tenantid=5f1c2a9e-7b3d-4c8e-9a61-0d2f4e6b8c10",
            "http://contoso.crm.dynamics.com/main.aspx",
        ])
    func absoluteURLPermitted(url: String) {
        let context = Fixtures.invitation(redirect: url)
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.createInvitation.decide(context), including: "b2b.invite.redirect-missing")
    }

    @Test("an invitation without inviteRedirectUrl is denied with 400 BadRequest", arguments: [String?.none, ""])
    func missingRedirectDenied(url: String?) {
        let context = Fixtures.invitation(redirect: url)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.createInvitation.decide(context)
        expectDenied(
            decision, by: "b2b.invite.redirect-missing", status: 400, code: "BadRequest",
            message: "The inviteRedirectUrl is missing or not an absolute URL.", surface: .graph)
    }

    @Test(
        "a relative or non-web redirect URL is denied and the message quotes it",
        arguments: [
            "myapps.microsoft.com", "/apps", "ftp://files.contoso.com", "https://",
        ])
    func relativeRedirectDenied(url: String) {
        let context = Fixtures.invitation(redirect: url)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.createInvitation.decide(context)
        expectDenied(
            decision, by: "b2b.invite.redirect-missing", status: 400, code: "BadRequest",
            message: "The inviteRedirectUrl '\(url)' is not an absolute URL.")
    }

    @Test("the rule does not apply to TenantSim itself building the world")
    func systemIsNotApplicable() {
        let context = Fixtures.invitation(caller: .system, redirect: nil)
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.createInvitation.decide(context))
    }
}
