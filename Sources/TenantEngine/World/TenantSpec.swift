import TenantModel

/// One tenant of a ``WorldSpec``. Only `key` is required; everything else has the documented
/// defaults of a new tenant in its cloud.
public struct TenantSpec: Codable, Sendable, Hashable {
    /// The handle scenarios use (`contoso`); also the default initial domain prefix.
    public var key: String
    public var id: String?
    public var displayName: String?
    /// The initial domain; default `<key>.onmicrosoft.com` (`.onmicrosoft.us` in US Government
    /// clouds, `.partner.onmschina.cn` in China).
    public var domain: String?
    public var verifiedDomains: [String]?
    public var cloud: Cloud?
    public var emailOneTimePasscode: Bool?
    public var googleFederation: Bool?
    public var federations: [DomainFederation]?
    public var authorizationPolicy: AuthorizationPolicyPatch?
    public var collaboration: CollaborationSpec?
    public var crossTenantAccess: CrossTenantSpec?
    public var users: [UserSpec]?
    /// B2B guests already in the tenant (imported or exported worlds).
    public var guests: [GuestSpec]?
    public var groups: [GroupSpec]?
    public var skus: [SkuSpec]?
    public var apps: [AppSpec]?
    public var environments: [EnvironmentSpec]?
    /// Power Platform tenant settings merged over the defaults (the admin API document shape).
    public var powerPlatformSettings: JSONValue?

    public init(key: String, displayName: String? = nil, cloud: Cloud? = nil) {
        self.key = key
        self.displayName = displayName
        self.cloud = cloud
    }

    public var resolvedCloud: Cloud { cloud ?? .commercial }

    public var resolvedDomain: String {
        if let domain { return domain.lowercased() }
        switch resolvedCloud {
        case .gccHigh, .dod: return "\(key).onmicrosoft.us"
        case .china: return "\(key).partner.onmschina.cn"
        case .commercial, .gcc: return "\(key).onmicrosoft.com"
        }
    }

    /// The domain new users get by default: the first verified domain, else the initial domain.
    public var userDomain: String { verifiedDomains?.first?.lowercased() ?? resolvedDomain }

    /// `other`'s set fields over this one's; lists are appended.
    func overlaid(with other: TenantSpec) -> TenantSpec {
        var result = self
        result.id = other.id ?? id
        result.displayName = other.displayName ?? displayName
        result.domain = other.domain ?? domain
        result.verifiedDomains = other.verifiedDomains ?? verifiedDomains
        result.cloud = other.cloud ?? cloud
        result.emailOneTimePasscode = other.emailOneTimePasscode ?? emailOneTimePasscode
        result.googleFederation = other.googleFederation ?? googleFederation
        result.federations = other.federations ?? federations
        result.authorizationPolicy = other.authorizationPolicy ?? authorizationPolicy
        result.collaboration = other.collaboration ?? collaboration
        result.crossTenantAccess = other.crossTenantAccess ?? crossTenantAccess
        result.users = Self.appending(users, other.users)
        result.guests = Self.appending(guests, other.guests)
        result.groups = Self.appending(groups, other.groups)
        result.skus = Self.appending(skus, other.skus)
        result.apps = Self.appending(apps, other.apps)
        result.environments = Self.appending(environments, other.environments)
        if let settings = other.powerPlatformSettings {
            result.powerPlatformSettings = powerPlatformSettings.map { $0.merging(settings) } ?? settings
        }
        return result
    }

    static func appending<T>(_ base: [T]?, _ extra: [T]?) -> [T]? {
        guard let extra else { return base }
        return (base ?? []) + extra
    }
}

/// A member account of a tenant.
public struct UserSpec: Codable, Sendable, Hashable {
    /// The UPN, or just the name before `@` (the tenant's user domain is appended).
    public var upn: String
    public var id: String?
    public var displayName: String?
    public var givenName: String?
    public var surname: String?
    public var mail: String?
    public var usageLocation: String?
    public var accountEnabled: Bool?
    /// Directory role names or template ids.
    public var roles: [String]?
    /// SKU part numbers assigned directly.
    public var licenses: [String]?
    /// The password the password grant checks (emulator-only; without one, any non-empty
    /// password is accepted).
    public var password: String?

    public init(upn: String, displayName: String? = nil, roles: [String]? = nil, licenses: [String]? = nil, usageLocation: String? = nil) {
        self.upn = upn
        self.displayName = displayName
        self.roles = roles
        self.licenses = licenses
        self.usageLocation = usageLocation
    }
}

/// A security or Microsoft 365 group with direct members.
public struct GroupSpec: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable { case security, microsoft365 }

    public var name: String
    public var id: String?
    public var kind: Kind?
    public var description: String?
    /// Member UPNs (or names) and group names.
    public var members: [String]?
    /// Owner UPNs (or names): users who may manage the group without a directory role.
    public var owners: [String]?

    public init(name: String, kind: Kind? = nil, members: [String]? = nil, owners: [String]? = nil) {
        self.name = name
        self.kind = kind
        self.members = members
        self.owners = owners
    }
}

/// A subscription the tenant holds. Well-known part numbers fill in the SKU id, service plans and
/// what the licence grants (see ``SkuCatalog``).
public struct SkuSpec: Codable, Sendable, Hashable {
    public var partNumber: String
    public var skuId: String?
    public var units: Int
    public var dataverse: Bool?
    public var powerApps: Bool?
    public var appliesTo: String?
    public var servicePlans: [ServicePlanInfo]?

    public init(partNumber: String, units: Int, skuId: String? = nil, dataverse: Bool? = nil) {
        self.partNumber = partNumber
        self.units = units
        self.skuId = skuId
        self.dataverse = dataverse
    }
}

/// An app registration (client) of the tenant, with one client secret.
public struct AppSpec: Codable, Sendable, Hashable {
    public var name: String
    public var appId: String?
    public var secret: String?
    /// Application permissions (app roles) consented.
    public var permissions: [String]?
    /// Delegated permissions consented.
    public var delegated: [String]?
    public var powerPlatformAdmin: Bool?
    public var dataverseRoles: [String]?

    public init(name: String, appId: String? = nil, secret: String? = nil, permissions: [String]? = nil, delegated: [String]? = nil) {
        self.name = name
        self.appId = appId
        self.secret = secret
        self.permissions = permissions
        self.delegated = delegated
    }
}

/// The collaboration domain list: allowed or blocked domains, never both.
public struct CollaborationSpec: Codable, Sendable, Hashable {
    public var allowedDomains: [String]?
    public var blockedDomains: [String]?

    public init(allowedDomains: [String]? = nil, blockedDomains: [String]? = nil) {
        self.allowedDomains = allowedDomains
        self.blockedDomains = blockedDomains
    }
}

/// Cross-tenant access: Microsoft cloud settings, the default configuration, and partners.
public struct CrossTenantSpec: Codable, Sendable, Hashable {
    public var allowedCloudEndpoints: [String]?
    public var `default`: CrossTenantAccessSettings?
    public var partners: [PartnerSpec]?

    public init(allowedCloudEndpoints: [String]? = nil, default defaults: CrossTenantAccessSettings? = nil, partners: [PartnerSpec]? = nil) {
        self.allowedCloudEndpoints = allowedCloudEndpoints
        self.default = defaults
        self.partners = partners
    }
}

/// An organisational cross-tenant setting: `tenant` names the partner (key, id or domain); the
/// other keys are Graph's partner configuration properties.
public struct PartnerSpec: Codable, Sendable, Hashable {
    public var tenant: String
    public var settings: CrossTenantAccessSettings

    public init(tenant: String, settings: CrossTenantAccessSettings = CrossTenantAccessSettings()) {
        self.tenant = tenant
        self.settings = settings
    }

    enum CodingKeys: String, CodingKey { case tenant }

    public init(from decoder: any Decoder) throws {
        tenant = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .tenant)
        settings = try CrossTenantAccessSettings(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try settings.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tenant, forKey: .tenant)
    }
}
