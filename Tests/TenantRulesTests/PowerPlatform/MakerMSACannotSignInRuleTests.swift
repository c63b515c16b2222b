import TenantModel
import TenantRules
import Testing

@Suite("pp.maker.msa-cannot-sign-in")
struct MakerMSACannotSignInRuleTests {
    let rule = MakerMSACannotSignInRule()

    @Test(
        "a guest who redeemed with an Entra account or one-time passcode passes: the rule steps aside and makeApp is permitted",
        arguments: [
            Fixtures.entraGuest(), Fixtures.otpGuest(),
        ])
    func organizationalOrOTPGuestPasses(guest: User) {
        let context = Fixtures.maker(user: guest)
        let outcome = rule.evaluate(context)
        // The rule has no permit branch: it only knows "personal account" (forbid) or "not its business".
        #expect(outcome.effect == .notApplicable)
        #expect(outcome.facts == [Fact("guest.identity", guest.externalIdentityIssuer ?? "-")])
        expectPermitted(OperationRules.makeApp.decide(context))
    }

    @Test("a guest who redeemed with a personal Microsoft account can't make apps: AADSTS500200")
    func microsoftAccountDenied() {
        let context = Fixtures.maker(user: Fixtures.msaGuest())
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.makeApp.decide(context)
        expectDenied(
            decision, by: "pp.maker.msa-cannot-sign-in", status: 400, code: "PersonalAccountNotSupported",
            message:
                "Personal Microsoft accounts are not supported for this application unless explicitly invited to an organization. Try signing out and signing back in with an organizational account.",
            aadsts: 500200, surface: .login)
        #expect(decision.error?.oauthError == "invalid_grant")
        #expect(decision.explanation.contains("Pat Guest (sam@outlook.com) redeemed the invitation with a personal Microsoft account"))
        #expect(decision.explanation.contains("can't directly sign in to make.powerapps.com"))
        #expect(decision.explanation.hasSuffix("Invite the person's work or school (Entra) account to Contoso instead."))
        #expect(
            OperationRules.importSolution.decide(Fixtures.maker(user: Fixtures.msaGuest(), appKind: .solution)).deniedBy
                == "pp.maker.msa-cannot-sign-in")
    }

    @Test("the explanation names the maker portal of the environment's cloud")
    func sovereignPortalNamed() {
        let context = Fixtures.maker(user: Fixtures.msaGuest(), environment: Fixtures.environment(cloud: .gcc))
        #expect(OperationRules.makeApp.decide(context).explanation.contains("can't directly sign in to make.gov.powerapps.us"))
    }

    @Test("a guest who has not redeemed yet: not enough information about their identity")
    func pendingGuestIsNotEnoughInformation() {
        let outcome = rule.evaluate(Fixtures.maker(user: Fixtures.contosoGuest()))
        #expect(outcome.effect == .notEnoughInformation)
        #expect(outcome.missing == ["the guest's identity (the invitation is not redeemed yet)"])
    }

    @Test("the rule does not apply to a member")
    func memberIsNotApplicable() {
        let context = Fixtures.maker(user: Fixtures.contosoMember())
        #expect(rule.evaluate(context).effect == .notApplicable)
        #expect(effect(of: "pp.maker.msa-cannot-sign-in", in: OperationRules.makeApp.decide(context)) == .notApplicable)
    }
}
