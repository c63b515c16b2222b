import TenantModel
import TenantRules
import Testing

@Suite("license.assign.no-units")
struct LicenseNoUnitsRuleTests {
    let rule = LicenseNoUnitsRule()

    func adding(_ sku: SubscribedSku, alreadyAssigned: Bool = false) -> LicenseContext {
        Fixtures.license(adds: [LicenseContext.Item(skuId: sku.skuId, sku: sku, alreadyAssigned: alreadyAssigned)])
    }

    @Test("the last free seat can be assigned")
    func lastSeatPermitted() {
        let context = adding(Fixtures.powerAppsPerUser(enabled: 5, consumed: 4))
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.assignLicense.decide(context), including: "license.assign.no-units")
    }

    @Test(
        "a subscription with every unit consumed is denied with 400 Request_BadRequest naming the SKU",
        arguments: [
            (5, 5), (5, 6), (0, 0),
        ])
    func noUnitsDenied(enabled: Int, consumed: Int) {
        let context = adding(Fixtures.powerAppsPerUser(enabled: enabled, consumed: consumed))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.assignLicense.decide(context)
        expectDenied(
            decision, by: "license.assign.no-units", status: 400, code: "Request_BadRequest",
            message: "Subscription with SKU \(Fixtures.powerAppsSkuId) does not have any available licenses.", surface: .graph)
        #expect(decision.explanation.contains("POWERAPPS_PER_USER (\(Fixtures.powerAppsSkuId)) in Contoso"))
    }

    @Test("the rule does not apply when the user already holds the licence")
    func alreadyAssignedIsNotApplicable() {
        let context = adding(Fixtures.powerAppsPerUser(enabled: 5, consumed: 5), alreadyAssigned: true)
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.assignLicense.decide(context))
    }

    @Test("the rule does not apply to an unknown SKU (license.assign.unknown-sku decides) or a removal")
    func unknownOrRemovalIsNotApplicable() {
        let unknown = Fixtures.license(adds: [LicenseContext.Item(skuId: Fixtures.unknownSkuId, sku: nil, alreadyAssigned: false)])
        #expect(rule.evaluate(unknown).effect == .notApplicable)
        let item = LicenseContext.Item(skuId: Fixtures.powerAppsSkuId, sku: Fixtures.powerAppsPerUser(enabled: 1, consumed: 1), alreadyAssigned: true)
        #expect(rule.evaluate(Fixtures.license(adds: [], removes: [item])).effect == .notApplicable)
    }
}
