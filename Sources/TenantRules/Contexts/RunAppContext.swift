import TenantModel

/// A user running a canvas app: whether it is shared with them and which licences count
/// (domain-facts §3.3).
public struct RunAppContext: Sendable {
    public var user: User
    public var environment: PowerPlatformEnvironment
    public var tenant: Tenant
    public var app: MadeApp
    public var licenses: LicenseFacts

    public init(user: User, environment: PowerPlatformEnvironment, tenant: Tenant, app: MadeApp, licenses: LicenseFacts) {
        self.user = user
        self.environment = environment
        self.tenant = tenant
        self.app = app
        self.licenses = licenses
    }

    public var isOwnerOrShared: Bool { app.ownerId == user.id || app.sharedWith.contains(user.id) }
}
