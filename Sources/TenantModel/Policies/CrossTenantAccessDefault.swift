/// A tenant's cross-tenant access policy and its default configuration (one per tenant).
public struct CrossTenantAccessDefault: Codable, Hashable, Sendable {
    public var tenantId: TenantID
    /// `crossTenantAccessPolicy.allowedCloudEndpoints` — the Microsoft cloud settings
    /// (`microsoftonline.us`, `partner.microsoftonline.cn`, `microsoftonline.com`).
    public var allowedCloudEndpoints: [String]
    public var displayName: String
    public var settings: CrossTenantAccessSettings
    /// True while the default configuration is untouched.
    public var isServiceDefault: Bool

    public init(
        tenantId: TenantID, allowedCloudEndpoints: [String] = [], displayName: String = "CrossTenantAccessPolicy",
        settings: CrossTenantAccessSettings = .serviceDefault, isServiceDefault: Bool = true
    ) {
        self.tenantId = tenantId
        self.allowedCloudEndpoints = allowedCloudEndpoints
        self.displayName = displayName
        self.settings = settings
        self.isServiceDefault = isServiceDefault
    }

    /// Whether the Microsoft cloud settings enable collaboration with `cloud`. The own cloud is
    /// always enabled.
    public func enablesCloud(_ cloud: EntraCloud, ownCloud: EntraCloud) -> Bool {
        cloud == ownCloud || allowedCloudEndpoints.contains(cloud.cloudEndpoint)
    }
}
