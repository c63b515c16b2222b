/// A subscription a tenant holds (`subscribedSku`, domain-facts §3.1), with TenantSim's markers of
/// what the licence grants in Power Platform.
public struct SubscribedSku: Codable, Hashable, Sendable {
    public var tenantId: TenantID
    public var skuId: String
    public var skuPartNumber: String
    /// `User` (assignable) or `Company`.
    public var appliesTo: String
    public var capabilityStatus: String
    public var prepaidUnits: LicenseUnitsDetail
    public var consumedUnits: Int
    public var servicePlans: [ServicePlanInfo]
    public var subscriptionIds: [String]
    /// Grants Dataverse / customer engagement use rights (enough to be added to a Dataverse
    /// environment and to build Dataverse apps).
    public var grantsDataverse: Bool
    /// Grants Power Apps use (running canvas apps); every Dataverse licence does too.
    public var grantsPowerApps: Bool

    public init(
        tenantId: TenantID, skuId: String, skuPartNumber: String, appliesTo: String = "User",
        capabilityStatus: String = "Enabled", prepaidUnits: LicenseUnitsDetail, consumedUnits: Int = 0,
        servicePlans: [ServicePlanInfo] = [], subscriptionIds: [String] = [], grantsDataverse: Bool = false,
        grantsPowerApps: Bool = false
    ) {
        self.tenantId = tenantId
        self.skuId = skuId.lowercased()
        self.skuPartNumber = skuPartNumber
        self.appliesTo = appliesTo
        self.capabilityStatus = capabilityStatus
        self.prepaidUnits = prepaidUnits
        self.consumedUnits = consumedUnits
        self.servicePlans = servicePlans
        self.subscriptionIds = subscriptionIds
        self.grantsDataverse = grantsDataverse
        self.grantsPowerApps = grantsPowerApps || grantsDataverse
    }

    /// Graph's `id`: `<tenantId>_<skuId>`.
    public var graphId: String { "\(tenantId)_\(skuId)" }

    /// Seats left: `prepaidUnits.enabled - consumedUnits`.
    public var availableUnits: Int { max(0, prepaidUnits.enabled - consumedUnits) }
}
