/// An app registration with its service principal in its home tenant: the client of
/// `client_credentials` and ROPC token requests.
public struct AppRegistration: Codable, Hashable, Sendable {
    /// The client id (`appId`).
    public var appId: AppID
    public var tenantId: TenantID
    public var displayName: String
    /// Consented application permissions (app roles), e.g. `User.Invite.All`. They appear in the
    /// `roles` claim of app-only tokens.
    public var applicationPermissions: [String]
    /// Consented delegated permissions; they appear in the `scp` claim of user tokens.
    public var delegatedPermissions: [String]
    /// Registered as a Power Platform management app (`New-PowerAppManagementApp`): may call the
    /// admin API app-only.
    public var powerPlatformManagementApp: Bool
    /// Security role names the app's Dataverse application user holds in every environment of its
    /// tenant (empty: no application user).
    public var dataverseRoles: [String]

    public init(
        appId: AppID, tenantId: TenantID, displayName: String, applicationPermissions: [String] = [],
        delegatedPermissions: [String] = [], powerPlatformManagementApp: Bool = false, dataverseRoles: [String] = []
    ) {
        self.appId = appId
        self.tenantId = tenantId
        self.displayName = displayName
        self.applicationPermissions = applicationPermissions
        self.delegatedPermissions = delegatedPermissions
        self.powerPlatformManagementApp = powerPlatformManagementApp
        self.dataverseRoles = dataverseRoles
    }
}
