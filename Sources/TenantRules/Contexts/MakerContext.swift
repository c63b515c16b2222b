import TenantModel

/// Whether a user may make an app (or import/export a solution) in an environment: the resource
/// tenant's guest settings, the guest's home tenant and its settings (to say when something is set
/// in the wrong tenant), the user's roles and licences.
public struct MakerContext: Sendable {
    public var user: User
    public var environment: PowerPlatformEnvironment
    public var resourceTenant: Tenant
    public var resourceSettings: TenantSettings
    public var resourcePolicy: AuthorizationPolicy
    /// The guest's home tenant when it is a tenant of the world (ExternalAzureAD guests).
    public var homeTenant: Tenant?
    public var homeSettings: TenantSettings?
    public var homePolicy: AuthorizationPolicy?
    public var roleNames: Set<String>
    public var licenses: LicenseFacts
    public var appKind: AppKind

    public init(
        user: User, environment: PowerPlatformEnvironment, resourceTenant: Tenant, resourceSettings: TenantSettings,
        resourcePolicy: AuthorizationPolicy, homeTenant: Tenant?, homeSettings: TenantSettings?, homePolicy: AuthorizationPolicy?,
        roleNames: Set<String>, licenses: LicenseFacts, appKind: AppKind
    ) {
        self.user = user
        self.environment = environment
        self.resourceTenant = resourceTenant
        self.resourceSettings = resourceSettings
        self.resourcePolicy = resourcePolicy
        self.homeTenant = homeTenant
        self.homeSettings = homeSettings
        self.homePolicy = homePolicy
        self.roleNames = roleNames
        self.licenses = licenses
        self.appKind = appKind
    }

    public var isGuest: Bool { user.isGuest }

    /// Guests and members holding an admin role that makes them environment admins are not limited
    /// by guest-maker rules.
    public var roleSummary: String { roleNames.isEmpty ? "(no security role)" : roleNames.sorted().joined(separator: ", ") }
}
