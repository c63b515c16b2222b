import TenantModel

/// The licences a user holds where Power Platform looks for them: in the environment's (resource)
/// tenant, and — for a guest — on their home account in their home tenant.
public struct LicenseFacts: Sendable, Hashable {
    public var resourceSkus: [SubscribedSku]
    public var homeSkus: [SubscribedSku]
    public var homeTenant: Tenant?

    public init(resourceSkus: [SubscribedSku], homeSkus: [SubscribedSku] = [], homeTenant: Tenant? = nil) {
        self.resourceSkus = resourceSkus
        self.homeSkus = homeSkus
        self.homeTenant = homeTenant
    }

    public var hasResourceDataverse: Bool { resourceSkus.contains { $0.grantsDataverse } }
    public var hasHomeDataverse: Bool { homeSkus.contains { $0.grantsDataverse } }
    public var hasResourcePowerApps: Bool { resourceSkus.contains { $0.grantsPowerApps } }
    public var hasHomePowerApps: Bool { homeSkus.contains { $0.grantsPowerApps } }

    public var resourceSummary: String { Self.summary(resourceSkus) }
    public var homeSummary: String { Self.summary(homeSkus) }

    static func summary(_ skus: [SubscribedSku]) -> String {
        skus.isEmpty ? "(none)" : skus.map { "\($0.skuPartNumber)\($0.grantsDataverse ? " [Dataverse]" : "")" }.joined(separator: ", ")
    }
}
