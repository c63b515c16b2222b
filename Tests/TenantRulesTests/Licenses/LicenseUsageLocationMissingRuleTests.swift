import TenantModel
import TenantRules
import Testing

@Suite("license.assign.usage-location-missing")
struct LicenseUsageLocationMissingRuleTests {
    let rule = LicenseUsageLocationMissingRule()

    @Test("a licence can be assigned to a guest whose usage location is set")
    func usageLocationSetPermitted() {
        let context = Fixtures.license(target: Fixtures.contosoGuest(state: .accepted, usageLocation: "US"))
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.assignLicense.decide(context), including: "license.assign.usage-location-missing")
    }

    @Test("assigning a licence to a guest without usage location is denied with Microsoft's message")
    func guestWithoutUsageLocationDenied() {
        let guest = Fixtures.contosoGuest(state: .accepted, usageLocation: nil)
        let context = Fixtures.license(target: guest)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.assignLicense.decide(context)
        expectDenied(
            decision, by: "license.assign.usage-location-missing", status: 400, code: "Request_BadRequest",
            message: "License assignment cannot be done for user with invalid usage location.", surface: .graph)
        #expect(decision.explanation.contains("has no usage location in Contoso"))
        #expect(decision.explanation.contains("Guests are created without a usage location."))
        #expect(decision.explanation.contains("PATCH /users/\(guest.id)"))
    }

    @Test("a member with an invalid stored usage location is denied without the guest note")
    func memberWithInvalidUsageLocationDenied() {
        let context = Fixtures.license(target: Fixtures.contosoMember(usageLocation: "XX"))
        #expect(rule.evaluate(context).effect == .forbid)
        #expect(!OperationRules.assignLicense.decide(context).explanation.contains("Guests are created"))
    }

    @Test("the rule does not apply to a request that only removes licences")
    func removeOnlyIsNotApplicable() {
        let item = LicenseContext.Item(skuId: Fixtures.powerAppsSkuId, sku: Fixtures.powerAppsPerUser(), alreadyAssigned: true)
        let context = Fixtures.license(target: Fixtures.contosoGuest(state: .accepted, usageLocation: nil), adds: [], removes: [item])
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.assignLicense.decide(context))
    }
}
