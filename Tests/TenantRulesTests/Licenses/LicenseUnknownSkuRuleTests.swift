import TenantModel
import TenantRules
import Testing

@Suite("license.assign.unknown-sku")
struct LicenseUnknownSkuRuleTests {
    let rule = LicenseUnknownSkuRule()

    @Test("a SKU subscribed in the tenant and assignable to users is accepted")
    func subscribedSkuPermitted() {
        let context = Fixtures.license()
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.assignLicense.decide(context), including: "license.assign.unknown-sku")
    }

    @Test("a SKU the tenant has no subscription for is denied with 400 Request_BadRequest")
    func unknownSkuDenied() {
        let context = Fixtures.license(adds: [LicenseContext.Item(skuId: Fixtures.unknownSkuId, sku: nil, alreadyAssigned: false)])
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.assignLicense.decide(context)
        expectDenied(
            decision, by: "license.assign.unknown-sku", status: 400, code: "Request_BadRequest",
            message: "License \(Fixtures.unknownSkuId) does not correspond to a valid company License.", surface: .graph)
        #expect(decision.explanation.contains("Contoso has no subscription for SKU \(Fixtures.unknownSkuId)"))
    }

    @Test("a SKU that applies to the company, not users, is denied")
    func companySkuDenied() {
        let sku = Fixtures.powerAppsPerUser(appliesTo: "Company")
        let context = Fixtures.license(adds: [LicenseContext.Item(skuId: sku.skuId, sku: sku, alreadyAssigned: false)])
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.assignLicense.decide(context)
        expectDenied(decision, by: "license.assign.unknown-sku", status: 400, code: "Request_BadRequest")
        #expect(decision.explanation.contains("applies to the company"))
    }

    @Test("removing a licence the tenant doesn't subscribe to is denied as well")
    func unknownRemoveDenied() {
        let context = Fixtures.license(adds: [], removes: [LicenseContext.Item(skuId: Fixtures.unknownSkuId, sku: nil, alreadyAssigned: false)])
        #expect(rule.evaluate(context).effect == .forbid)
    }

    @Test("the rule does not apply when the request names no SKU")
    func emptyRequestIsNotApplicable() {
        #expect(rule.evaluate(Fixtures.license(adds: [], removes: [])).effect == .notApplicable)
    }
}
