import TenantModel

/// `license.assign.no-units` — no seats left in the subscription.
public struct LicenseNoUnitsRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "license.assign.no-units",
        title: "The subscription has no licences left",
        deniesWhen: "prepaidUnits.enabled − consumedUnits is 0 for a SKU being added (holds under concurrency: never oversubscribed)",
        notApplicableWhen: "the request adds no licence the user doesn't already hold",
        source:
            "Microsoft Learn, Microsoft Graph: \"subscribedSku resource type\" (prepaidUnits and consumedUnits); emulator choice: the text is the one client scripts match on, which no Microsoft page or public thread found states, and never oversubscribing under concurrency is TenantSim's guarantee",
        explanation:
            "Every prepaid unit of the subscription is consumed. Buy more licences, or remove the licence from someone who no longer needs it, in the resource tenant.",
        wire: .graph(400, "Request_BadRequest", "Subscription with SKU <skuId> does not have any available licenses.", .microsoft))

    public func evaluate(_ context: LicenseContext) -> RuleOutcome {
        let new = context.adds.filter { !$0.alreadyAssigned }
        let known = new.compactMap(\.sku)
        guard !known.isEmpty else { return .notApplicable() }
        var facts: [Fact] = []
        for sku in known {
            facts.append(Fact("\(sku.skuPartNumber).available", "\(sku.availableUnits) of \(sku.prepaidUnits.enabled)"))
            if sku.availableUnits <= 0 {
                return .forbid(
                    facts,
                    explanation:
                        "\(sku.skuPartNumber) (\(sku.skuId)) in \(context.tenant.displayName) has \(sku.prepaidUnits.enabled) prepaid units and \(sku.consumedUnits) are consumed. Free a seat or buy more in the resource tenant before assigning it to \(context.target.label).",
                    message: "Subscription with SKU \(sku.skuId) does not have any available licenses.")
            }
        }
        return .permit(facts)
    }
}
