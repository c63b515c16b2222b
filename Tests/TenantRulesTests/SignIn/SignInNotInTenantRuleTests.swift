import TenantModel
import TenantRules
import Testing

@Suite("signin.not-in-tenant")
struct SignInNotInTenantRuleTests {
    let rule = SignInNotInTenantRule()

    @Test("a guest with a user object in the tenant may sign in", arguments: [ExternalUserState.accepted, .pendingAcceptance])
    func guestPresentPermitted(state: ExternalUserState) {
        let context = Fixtures.signIn(userInTarget: Fixtures.contosoGuest(state: state))
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.signIn.decide(context), including: "signin.not-in-tenant")
    }

    @Test("an account without a user object in the tenant fails with AADSTS50020, fixed by inviting it from the resource tenant")
    func missingUserDenied() {
        let context = Fixtures.signIn(userInTarget: nil)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.signIn.decide(context)
        expectDenied(
            decision, by: "signin.not-in-tenant", status: 400, code: "UserUnauthorized",
            message:
                "User account 'pat@fabrikam.com' from identity provider 'https://sts.windows.net/\(Fixtures.IDs.fabrikam)/' does not exist in tenant 'Contoso' and cannot access the application in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Microsoft Entra user account.",
            aadsts: 50020, surface: .login)
        #expect(decision.explanation.contains("An admin of Contoso (the RESOURCE tenant) must invite the account"))
    }

    @Test("a personal Microsoft account is reported with the live.com identity provider")
    func personalAccountNamesLiveCom() {
        let context = Fixtures.signIn(account: "sam@outlook.com", kind: .personalMicrosoftAccount, userInTarget: nil)
        let decision = OperationRules.signIn.decide(context)
        #expect(decision.deniedBy == "signin.not-in-tenant")
        #expect(decision.error?.message.contains("from identity provider 'live.com'") == true)
    }

    @Test("a deleted user object does not let the account in")
    func deletedUserDenied() {
        #expect(rule.evaluate(Fixtures.signIn(userInTarget: Fixtures.contosoGuest(state: .accepted, deleted: true))).effect == .forbid)
    }

    @Test("the rule does not apply when no tenant was chosen")
    func noTenantIsNotApplicable() {
        let context = Fixtures.signIn(target: nil, userInTarget: nil)
        #expect(rule.evaluate(context).effect == .notApplicable)
    }
}
