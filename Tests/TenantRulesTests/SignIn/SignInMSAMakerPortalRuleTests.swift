import TenantModel
import TenantRules
import Testing

@Suite("signin.msa-maker-portal")
struct SignInMSAMakerPortalRuleTests {
    let rule = SignInMSAMakerPortalRule()

    @Test("a work account may sign in to the maker portal")
    func workAccountPermitted() {
        let context = Fixtures.signIn(client: .makerPortal)
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.signIn.decide(context), including: "signin.msa-maker-portal")
    }

    @Test("a personal account that chose the resource tenant passes this rule")
    func personalAccountWithTenantPermitted() {
        let context = Fixtures.signIn(account: "sam@outlook.com", kind: .personalMicrosoftAccount, client: .makerPortal)
        #expect(rule.evaluate(context).effect == .permit)
    }

    @Test("a personal Microsoft account signing in directly to the maker portal fails with AADSTS500200")
    func personalAccountDirectDenied() {
        let context = Fixtures.signIn(
            account: "sam@outlook.com", kind: .personalMicrosoftAccount, target: nil, authority: .global, client: .makerPortal, userInTarget: nil)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.signIn.decide(context)
        expectDenied(
            decision, by: "signin.msa-maker-portal", status: 400, code: "PersonalAccountNotSupported",
            message:
                "User account 'sam@outlook.com' is a personal Microsoft account. Personal Microsoft accounts are not supported for this application unless explicitly invited to an organization. Try signing out and signing back in with an organizational account.",
            aadsts: 500200, surface: .login)
        #expect(decision.explanation.contains("sam@outlook.com"))
    }

    @Test("the rule does not apply to clients other than the maker portal", arguments: [SignInClient.app, .token, .unifiedServiceDesk])
    func otherClientsAreNotApplicable(client: SignInClient) {
        let context = Fixtures.signIn(account: "sam@outlook.com", kind: .personalMicrosoftAccount, target: nil, client: client, userInTarget: nil)
        #expect(rule.evaluate(context).effect == .notApplicable)
    }
}
