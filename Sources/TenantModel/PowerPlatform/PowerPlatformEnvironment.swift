import Foundation

/// A Power Platform environment: it belongs to one tenant and one Power Platform cloud, may have a
/// Dataverse database (with an instance URL on the cloud's Dataverse domain) and may be restricted
/// to a security group.
public struct PowerPlatformEnvironment: Codable, Hashable, Sendable {
    /// The environment name: a GUID, or `Default-<tenantId>` for the default environment.
    public var id: EnvironmentID
    public var tenantId: TenantID
    public var displayName: String
    public var sku: EnvironmentSku
    /// Region (`location`), e.g. `unitedstates`.
    public var region: String
    public var cloud: Cloud
    public var hasDataverse: Bool
    /// The Dataverse organisation's unique name: the first label of the instance host.
    public var organizationName: String?
    public var securityGroupId: GroupID?
    public var createdBy: UserID?
    public var createdDateTime: Date

    public init(
        id: EnvironmentID, tenantId: TenantID, displayName: String, sku: EnvironmentSku, region: String = "unitedstates",
        cloud: Cloud, hasDataverse: Bool, organizationName: String?, securityGroupId: GroupID? = nil, createdBy: UserID? = nil,
        createdDateTime: Date
    ) {
        self.id = id
        self.tenantId = tenantId
        self.displayName = displayName
        self.sku = sku
        self.region = region
        self.cloud = cloud
        self.hasDataverse = hasDataverse
        self.organizationName = organizationName
        self.securityGroupId = securityGroupId
        self.createdBy = createdBy
        self.createdDateTime = createdDateTime
    }

    public var isDefault: Bool { sku == .default }

    /// `https://<org>.<dataverse domain>` (e.g. `https://contoso.crm.dynamics.com`), or `nil` without Dataverse.
    public var instanceURL: String? {
        guard hasDataverse, let organizationName else { return nil }
        return "https://\(organizationName).\(cloud.dataverseDomain)"
    }

    /// The host of the instance URL.
    public var instanceHost: String? {
        guard hasDataverse, let organizationName else { return nil }
        return "\(organizationName).\(cloud.dataverseDomain)"
    }

    /// The Web API host (`<org>.api.<domain>`).
    public var instanceAPIHost: String? {
        guard hasDataverse, let organizationName else { return nil }
        return "\(organizationName).api.\(cloud.dataverseDomain)"
    }

    /// The URL people are sent to: the Dataverse instance, else the maker portal's environment page.
    public var accessURL: String {
        instanceURL ?? "https://\(cloud.makerPortalHost)/environments/\(id)/home"
    }

    /// The security roles an environment offers (domain-facts §8.4).
    public var roleNames: [String] {
        hasDataverse ? SecurityRoleName.dataverseRoles : SecurityRoleName.environmentRoles
    }

    /// `Default-<tenantId>`.
    public static func defaultID(for tenant: TenantID) -> EnvironmentID { EnvironmentID("Default-\(tenant)") }
}
