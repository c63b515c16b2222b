import TenantModel
import TenantRules
import Testing

@Suite("pp.app.not-shared")
struct AppNotSharedRuleTests {
    let rule = AppNotSharedRule()

    @Test("a guest the app is shared with may run it")
    func sharedGuestPermitted() {
        let context = Fixtures.runApp()
        let outcome = rule.evaluate(context)
        #expect(outcome.effect == .permit)
        #expect(outcome.facts == [Fact("app", "Sales tracker"), Fact("app.sharedWithUser", true)])
        expectPermitted(OperationRules.runCanvasApp.decide(context), including: "pp.app.not-shared")
    }

    @Test("the owner may run their own app without sharing it with themselves")
    func ownerPermitted() {
        let context = Fixtures.runApp(user: Fixtures.contosoMember(), app: Fixtures.madeApp(sharedWith: []))
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.runCanvasApp.decide(context))
    }

    @Test("a guest the app is not shared with is denied and told the owner must share it")
    func notSharedDenied() {
        let context = Fixtures.runApp(app: Fixtures.madeApp(sharedWith: []))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.runCanvasApp.decide(context)
        expectDenied(
            decision, by: "pp.app.not-shared", status: 403, code: "AppNotShared",
            message: "You don't have access to this app. Ask the app owner to share it with you.", surface: .adminAPI)
        #expect(decision.explanation.contains("'Sales tracker' is not shared with Pat Guest (pat@fabrikam.com)"))
        #expect(decision.explanation.contains("must share it (Share › add the guest as User or Co-owner)"))
        #expect(namesTenant(decision.explanation))
    }

    @Test(
        "sharing is checked on every run, for members too — the rule is never not applicable",
        arguments: [
            Fixtures.contosoMember(id: "c0000009-0000-4000-8000-000000000009", mail: "kim@contoso.com"), Fixtures.entraGuest(), Fixtures.otpGuest(),
        ])
    func neverNotApplicable(user: User) {
        let notShared = Fixtures.runApp(user: user, app: Fixtures.madeApp(sharedWith: []))
        #expect(rule.evaluate(notShared).effect == .forbid)
        let shared = Fixtures.runApp(user: user, app: Fixtures.madeApp(sharedWith: [user.id]))
        #expect(rule.evaluate(shared).effect == .permit)
    }
}
