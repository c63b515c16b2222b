import TenantModel

/// `license.assign.unknown-sku` — the SKU is not subscribed in this tenant, or not assignable.
public struct LicenseUnknownSkuRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "license.assign.unknown-sku",
        title: "The tenant has no assignable subscription for the SKU",
        deniesWhen: "a skuId is not subscribed in this tenant, or its appliesTo is Company",
        notApplicableWhen: "the request names no SKU",
        source:
            "Microsoft Learn, Microsoft Graph: \"List subscribedSkus\" (the tenant's own subscriptions); Microsoft Learn, Microsoft Graph: \"subscribedSku resource type\" (appliesTo: User or Company); microsoftgraph/microsoft-graph-docs#7539 (a SKU that doesn't apply to users can't be assigned to one); emulator choice: the error text is TenantSim's (Microsoft documents which SKUs exist, not this error)",
        explanation:
            "Licences come from the tenant's own subscriptions (GET /subscribedSkus). A guest's licence must be bought and assigned in the RESOURCE tenant; a SKU of the guest's home tenant is not visible here.",
        wire: .graph(400, "Request_BadRequest", "License <skuId> does not correspond to a valid company License.", .emulator))

    public func evaluate(_ context: LicenseContext) -> RuleOutcome {
        let items = context.adds + context.removes
        guard !items.isEmpty else { return .notApplicable() }
        var facts: [Fact] = []
        for item in items {
            guard let sku = item.sku else {
                facts.append(Fact("sku.\(item.skuId)", "not subscribed"))
                return .forbid(
                    facts,
                    explanation:
                        "\(context.tenant.displayName) has no subscription for SKU \(item.skuId). List the tenant's SKUs with GET /subscribedSkus and use one of those skuIds; licences held in a guest's home tenant can't be assigned here.",
                    message: "License \(item.skuId) does not correspond to a valid company License.")
            }
            facts.append(Fact("sku.\(sku.skuPartNumber).appliesTo", sku.appliesTo))
            if sku.appliesTo != "User" {
                return .forbid(
                    facts,
                    explanation: "\(sku.skuPartNumber) applies to the company, not to users, so it can't be assigned to \(context.target.label).",
                    message: "License \(item.skuId) does not correspond to a valid company License.")
            }
        }
        return .permit(facts)
    }
}
