import TenantModel
import TenantRules
import Testing

@Suite("signin.msa-password-grant")
struct SignInMSAPasswordGrantRuleTests {
    let rule = SignInMSAPasswordGrantRule()

    @Test("a personal Microsoft account guest is denied the password grant with an invalid_grant token error")
    func msaDenied() {
        let context = Fixtures.signIn(account: "sam@outlook.com", kind: .personalMicrosoftAccount, client: .token)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.signIn.decide(context)
        #expect(decision.error?.ruleIds == ["signin.msa-password-grant"])
        #expect(decision.error?.surface == .login)
        #expect(decision.error?.oauthError == "invalid_grant")
        #expect(decision.error?.status == 400)
        #expect(decision.explanation.contains("app registration"))
    }

    @Test("a work account may use the password grant")
    func workAccountPermitted() {
        let context = Fixtures.signIn(client: .token)
        #expect(rule.evaluate(context).effect == .permit)
    }

    @Test("the rule does not apply to other sign-ins")
    func otherClientsNotApplicable() {
        let context = Fixtures.signIn(account: "sam@outlook.com", kind: .personalMicrosoftAccount, client: .app)
        #expect(rule.evaluate(context).effect == .notApplicable)
    }
}
