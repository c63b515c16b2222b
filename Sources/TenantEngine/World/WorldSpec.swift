import TenantModel

/// A world to build: tenants with their users, groups, roles, SKUs, apps and policies, plus
/// personal Microsoft accounts. Fixture and scenario files (YAML) decode into this shape; the
/// control API accepts it as JSON.
public struct WorldSpec: Codable, Sendable, Hashable {
    public var tenants: [TenantSpec]
    public var personalAccounts: [PersonalAccountSpec]

    public init(tenants: [TenantSpec] = [], personalAccounts: [PersonalAccountSpec] = []) {
        self.tenants = tenants
        self.personalAccounts = personalAccounts
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tenants = try container.decodeIfPresent([TenantSpec].self, forKey: .tenants) ?? []
        personalAccounts = try container.decodeIfPresent([PersonalAccountSpec].self, forKey: .personalAccounts) ?? []
    }

    /// This world with `other`'s tenants and accounts added; a tenant with the same key replaces the
    /// earlier one's fields that `other` sets (inline overrides of fixtures).
    public func merged(with other: WorldSpec) -> WorldSpec {
        var result = self
        for tenant in other.tenants {
            if let index = result.tenants.firstIndex(where: { $0.key == tenant.key }) {
                result.tenants[index] = result.tenants[index].overlaid(with: tenant)
            } else {
                result.tenants.append(tenant)
            }
        }
        for account in other.personalAccounts where !result.personalAccounts.contains(account) {
            result.personalAccounts.append(account)
        }
        return result
    }
}

/// A personal Microsoft account that exists in the world.
public struct PersonalAccountSpec: Codable, Sendable, Hashable {
    public var email: String
    public var displayName: String?

    public init(email: String, displayName: String? = nil) {
        self.email = email
        self.displayName = displayName
    }
}
