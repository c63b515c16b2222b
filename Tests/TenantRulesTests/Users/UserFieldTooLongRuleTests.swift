import TenantModel
import TenantRules
import Testing

@Suite("directory.user.field-too-long")
struct UserFieldTooLongRuleTests {
    let rule = UserFieldTooLongRule()

    static func text(_ count: Int) -> String { String(repeating: "a", count: count) }

    @Test("names at their maximum length are accepted")
    func atLimitPermitted() {
        let context = Fixtures.userUpdate(
            patch: UserPatch(displayName: .some(Self.text(256)), givenName: .some(Self.text(64)), surname: .some(Self.text(64))))
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.updateUser.decide(context), including: "directory.user.field-too-long")
    }

    @Test(
        "a name one character over its maximum is denied with 400 Request_BadRequest naming the property",
        arguments: [
            ("givenName", UserPatch(givenName: .some(UserFieldTooLongRuleTests.text(65)))),
            ("surname", UserPatch(surname: .some(UserFieldTooLongRuleTests.text(65)))),
            ("displayName", UserPatch(displayName: .some(UserFieldTooLongRuleTests.text(257)))),
        ])
    func overLimitDenied(property: String, patch: UserPatch) {
        let context = Fixtures.userUpdate(patch: patch)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.updateUser.decide(context)
        expectDenied(
            decision, by: "directory.user.field-too-long", status: 400, code: "Request_BadRequest",
            message: "Invalid value specified for property '\(property)' of resource 'User'.", surface: .graph)
        #expect(decision.explanation.hasPrefix("\(property) has "))
    }

    @Test("the rule does not apply when no name is set, or a name is cleared")
    func noNamesIsNotApplicable() {
        #expect(rule.evaluate(Fixtures.userUpdate(patch: UserPatch(usageLocation: "US"))).effect == .notApplicable)
        #expect(rule.evaluate(Fixtures.userUpdate(patch: UserPatch(givenName: .some(nil)))).effect == .notApplicable)
    }
}
