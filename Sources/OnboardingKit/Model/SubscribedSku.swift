/// A licence subscription of the tenant (`GET /subscribedSkus`, domain-facts §3.1).
public struct SubscribedSku: Decodable, Sendable, Hashable {
    public var skuId: String
    public var skuPartNumber: String
    public var consumedUnits: Int?
    public var prepaidUnits: Units?
    public var appliesTo: String?
    public var capabilityStatus: String?

    /// `prepaidUnits`.
    public struct Units: Decodable, Sendable, Hashable {
        public var enabled: Int?
    }

    /// Seats left: enabled minus consumed, when both are known.
    public var availableUnits: Int? {
        guard let enabled = prepaidUnits?.enabled, let consumedUnits else { return nil }
        return enabled - consumedUnits
    }
}
