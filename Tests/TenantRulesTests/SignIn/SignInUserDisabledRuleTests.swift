import TenantModel
import TenantRules
import Testing

@Suite("signin.user-disabled")
struct SignInUserDisabledRuleTests {
    let rule = SignInUserDisabledRule()

    @Test("an enabled guest with an enabled home account may sign in")
    func enabledPermitted() {
        let context = Fixtures.signIn()
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.signIn.decide(context), including: "signin.user-disabled")
    }

    @Test("a guest disabled in the resource tenant fails with AADSTS50057, fixed in the resource tenant")
    func disabledInTargetDenied() {
        let guest = Fixtures.contosoGuest(state: .accepted, accountEnabled: false)
        let context = Fixtures.signIn(userInTarget: guest)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.signIn.decide(context)
        expectDenied(
            decision, by: "signin.user-disabled", status: 400, code: "UserDisabled", message: "The user account is disabled.",
            aadsts: 50057, surface: .login)
        #expect(decision.explanation.contains("is disabled in Contoso"))
        #expect(decision.explanation.contains("PATCH /users/\(guest.id)"))
    }

    @Test("a guest whose home account is disabled fails with AADSTS50057 and is sent to the home tenant")
    func disabledAtHomeDenied() {
        let context = Fixtures.signIn(kind: .workAccount(home: Fixtures.fabrikam(), user: Fixtures.fabrikamPat(accountEnabled: false)))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.signIn.decide(context)
        expectDenied(decision, by: "signin.user-disabled", status: 400, code: "UserDisabled", aadsts: 50057, surface: .login)
        #expect(decision.explanation.contains("HOME tenant"))
        #expect(decision.explanation.contains("the resource tenant can't"))
    }

    @Test("the home-disabled explanation names the home tenant where the fix must happen")
    func disabledAtHomeNamesHomeTenant() {
        let context = Fixtures.signIn(kind: .workAccount(home: Fixtures.fabrikam(), user: Fixtures.fabrikamPat(accountEnabled: false)))
        let decision = OperationRules.signIn.decide(context)
        #expect(decision.explanation.contains("Fabrikam"))
    }

    @Test("the rule does not apply when there is no user object to check")
    func noUserIsNotApplicable() {
        let context = Fixtures.signIn(account: "sam@outlook.com", kind: .personalMicrosoftAccount, userInTarget: nil)
        #expect(rule.evaluate(context).effect == .notApplicable)
        let unknown = Fixtures.signIn(account: "nobody@adatum.com", kind: .unknown, userInTarget: nil)
        #expect(rule.evaluate(unknown).effect == .notApplicable)
    }
}
