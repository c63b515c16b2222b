/// An organisation-specific cross-tenant access configuration (`partners/{tenantId}`).
public struct CrossTenantAccessPartner: Codable, Hashable, Sendable {
    /// The tenant whose policy this is.
    public var tenantId: TenantID
    /// The partner organisation's tenant id.
    public var partnerTenantId: TenantID
    public var settings: CrossTenantAccessSettings
    public var isServiceProvider: Bool?
    public var isInMultiTenantOrganization: Bool?

    public init(
        tenantId: TenantID, partnerTenantId: TenantID, settings: CrossTenantAccessSettings = CrossTenantAccessSettings(),
        isServiceProvider: Bool? = nil, isInMultiTenantOrganization: Bool? = false
    ) {
        self.tenantId = tenantId
        self.partnerTenantId = partnerTenantId
        self.settings = settings
        self.isServiceProvider = isServiceProvider
        self.isInMultiTenantOrganization = isInMultiTenantOrganization
    }
}
