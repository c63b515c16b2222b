import TenantModel
import TenantRules
import Testing

@Suite("directory.user.usage-location-invalid")
struct UsageLocationInvalidRuleTests {
    let rule = UsageLocationInvalidRule()

    @Test("a two-letter ISO 3166-1 code is accepted", arguments: ["US", "GB", "DE", "JP", "us"])
    func isoCodePermitted(code: String) {
        let context = Fixtures.userUpdate(patch: UserPatch(usageLocation: .some(code)))
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.updateUser.decide(context), including: "directory.user.usage-location-invalid")
    }

    @Test("a country name or three-letter code is denied with 400 Request_BadRequest", arguments: ["USA", "United States", "UK", "U", ""])
    func invalidCodeDenied(value: String) {
        let context = Fixtures.userUpdate(patch: UserPatch(usageLocation: .some(value)))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.updateUser.decide(context)
        expectDenied(
            decision, by: "directory.user.usage-location-invalid", status: 400, code: "Request_BadRequest",
            message: "Invalid value specified for property 'usageLocation' of resource 'User'.", surface: .graph)
        #expect(decision.explanation.contains("'\(value)' is not a two-letter ISO 3166-1 alpha-2 country code"))
    }

    @Test("the rule does not apply when the request leaves usage location alone or clears it")
    func absentOrNullIsNotApplicable() {
        let absent = Fixtures.userUpdate(patch: UserPatch(givenName: "Pat"))
        #expect(rule.evaluate(absent).effect == .notApplicable)
        let cleared = Fixtures.userUpdate(patch: UserPatch(usageLocation: .some(nil)))
        #expect(rule.evaluate(cleared).effect == .notApplicable)
    }
}
