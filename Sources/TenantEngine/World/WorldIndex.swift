import TenantModel

/// What loading a world produced: tenant ids by key, user ids by UPN, apps with their secrets.
public struct WorldIndex: Codable, Sendable, Hashable {
    public struct AppCredentials: Codable, Sendable, Hashable {
        public var tenantKey: String
        public var tenantId: TenantID
        public var name: String
        public var appId: AppID
        public var secret: String
    }

    public var tenants: [String: TenantID] = [:]
    public var users: [String: UserID] = [:]
    public var groups: [String: GroupID] = [:]
    public var apps: [AppCredentials] = []

    public init() {}

    public mutating func merge(_ other: WorldIndex) {
        tenants.merge(other.tenants) { _, new in new }
        users.merge(other.users) { _, new in new }
        groups.merge(other.groups) { _, new in new }
        apps += other.apps
    }
}
