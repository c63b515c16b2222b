import TenantModel

/// One tenant's effective cross-tenant access settings toward one partner tenant: the partner entry
/// where it exists, each missing block inherited from the default.
public struct CrossTenantView: Sendable, Hashable {
    public var tenant: Tenant
    public var partnerTenantId: TenantID
    public var effective: CrossTenantAccessSettings
    public var hasPartnerEntry: Bool
    public var allowedCloudEndpoints: [String]

    public init(tenant: Tenant, partnerTenantId: TenantID, policy: CrossTenantAccessDefault, partner: CrossTenantAccessPartner?) {
        self.tenant = tenant
        self.partnerTenantId = partnerTenantId
        self.effective = partner.map { $0.settings.inheriting(from: policy.settings) } ?? policy.settings
        self.hasPartnerEntry = partner != nil
        self.allowedCloudEndpoints = policy.allowedCloudEndpoints
    }

    /// Whether the Microsoft cloud settings enable B2B with `cloud`.
    public func enablesCloud(_ cloud: EntraCloud) -> Bool {
        cloud == tenant.cloud.entraCloud || allowedCloudEndpoints.contains(cloud.cloudEndpoint)
    }

    /// Where the effective setting came from, for explanations.
    public var scopeDescription: String {
        hasPartnerEntry ? "the organizational setting for tenant \(partnerTenantId)" : "the default settings"
    }
}
