import TenantModel
import TenantRules
import Testing

@Suite("signin.wrong-cloud")
struct SignInWrongCloudRuleTests {
    let rule = SignInWrongCloudRule()

    @Test(
        "signing in through the tenant's own cloud authority is permitted",
        arguments: [
            (Cloud.commercial, EntraCloud.global), (.gcc, .global), (.gccHigh, .usGovernment), (.dod, .usGovernment), (.china, .china),
        ])
    func matchingAuthorityPermitted(cloud: Cloud, authority: EntraCloud) {
        let context = Fixtures.signIn(target: Fixtures.contoso(cloud: cloud), authority: authority)
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.signIn.decide(context), including: "signin.wrong-cloud")
    }

    @Test("signing in to a GCC High tenant through the commercial authority fails with AADSTS90038")
    func wrongAuthorityDenied() {
        let tenant = Fixtures.contoso(cloud: .gccHigh)
        let context = Fixtures.signIn(target: tenant, authority: .global)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.signIn.decide(context)
        expectDenied(
            decision, by: "signin.wrong-cloud", status: 400, code: "NationalCloudTenantRedirection",
            message:
                "The specified tenant '\(tenant.id)' belongs to the National Cloud 'login.microsoftonline.us'. Current cloud instance 'login.microsoftonline.com' does not federate with it. Please use the correct cloud instance.",
            aadsts: 90038, surface: .login)
        #expect(decision.error?.oauthError == "invalid_grant")
        #expect(decision.explanation.contains("https://login.microsoftonline.us/\(tenant.id)"))
    }

    @Test("signing in to a commercial tenant through the China authority is denied")
    func chinaAuthorityDenied() {
        #expect(rule.evaluate(Fixtures.signIn(target: Fixtures.contoso(), authority: .china)).effect == .forbid)
    }

    @Test("the rule does not apply without a chosen tenant or a known authority cloud")
    func unknownIsNotApplicable() {
        #expect(rule.evaluate(Fixtures.signIn(target: nil, authority: .usGovernment)).effect == .notApplicable)
        let local = Fixtures.signIn(target: Fixtures.contoso(cloud: .gccHigh), authority: nil)
        #expect(rule.evaluate(local).effect == .notApplicable)
        #expect(effect(of: "signin.wrong-cloud", in: OperationRules.signIn.decide(local)) == .notApplicable)
    }
}
