import TenantModel

/// A user using a customer engagement feature in an environment.
public struct FeatureContext: Sendable {
    public var user: User
    public var environment: PowerPlatformEnvironment
    public var tenant: Tenant
    public var feature: CustomerEngagementFeature

    public init(user: User, environment: PowerPlatformEnvironment, tenant: Tenant, feature: CustomerEngagementFeature) {
        self.user = user
        self.environment = environment
        self.tenant = tenant
        self.feature = feature
    }
}
