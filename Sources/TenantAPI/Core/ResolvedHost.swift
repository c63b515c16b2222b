import TenantModel

/// What the Host header (or a `/<host>/…` path prefix) says about a request: the Microsoft host it
/// is addressed to, its cloud, and for Dataverse the organisation.
public struct ResolvedHost: Sendable, Hashable {
    /// The real Microsoft host name, e.g. `graph.microsoft.us`, or `nil` for a local host
    /// (`127.0.0.1:8443`), where the surface comes from the path and the cloud from the token.
    public var microsoftHost: String?
    public var surface: Surface?
    /// The Entra cloud of a login host, or the cloud of a Graph/admin/Dataverse host.
    public var cloud: Cloud?
    public var entraCloud: EntraCloud?
    /// The Dataverse organisation name for instance hosts (`contoso` of `contoso.crm.dynamics.com`).
    public var organization: String?
    /// The path prefix that named the host (`/graph.microsoft.us`), stripped before routing.
    public var pathPrefix: String

    public init(
        microsoftHost: String? = nil, surface: Surface? = nil, cloud: Cloud? = nil, entraCloud: EntraCloud? = nil, organization: String? = nil,
        pathPrefix: String = ""
    ) {
        self.microsoftHost = microsoftHost
        self.surface = surface
        self.cloud = cloud
        self.entraCloud = entraCloud
        self.organization = organization
        self.pathPrefix = pathPrefix
    }

    /// Resolves a host name (without port). Unknown hosts resolve to a local, unspecified host.
    public static func resolve(host rawHost: String, pathPrefix: String = "") -> ResolvedHost {
        let host = rawHost.lowercased()
        if let entra = EntraCloud(authorityHost: host) {
            return ResolvedHost(microsoftHost: host, surface: .login, entraCloud: entra, pathPrefix: pathPrefix)
        }
        // GCC shares graph.microsoft.com with commercial; the token decides which tenant.
        if let cloud = Cloud.allCases.first(where: { $0.graphHost == host }) {
            return ResolvedHost(microsoftHost: host, surface: .graph, cloud: cloud, entraCloud: cloud.entraCloud, pathPrefix: pathPrefix)
        }
        if let entra = EntraCloud.allCases.first(where: { $0.armHost == host }) {
            return ResolvedHost(microsoftHost: host, surface: .azureResourceManager, entraCloud: entra, pathPrefix: pathPrefix)
        }
        if let cloud = Cloud.allCases.first(where: { $0.adminAPIHost == host || $0.powerPlatformAPIHost == host }) {
            return ResolvedHost(microsoftHost: host, surface: .adminAPI, cloud: cloud, entraCloud: cloud.entraCloud, pathPrefix: pathPrefix)
        }
        // Longest domain first: crm9.dynamics.com must not match as crm.dynamics.com.
        for cloud in Cloud.allCases.sorted(by: { $0.dataverseDomain.count > $1.dataverseDomain.count }) {
            let domain = "." + cloud.dataverseDomain
            guard host.hasSuffix(domain) else { continue }
            let label = host.dropLast(domain.count)
            let organization = label.hasSuffix(".api") ? String(label.dropLast(4)) : String(label)
            guard !organization.isEmpty, !organization.contains(".") else { continue }
            return ResolvedHost(
                microsoftHost: host, surface: .dataverse, cloud: cloud, entraCloud: cloud.entraCloud, organization: organization,
                pathPrefix: pathPrefix)
        }
        return ResolvedHost(pathPrefix: pathPrefix)
    }

    /// Whether `segment` (the first path segment) names a Microsoft host TenantSim serves.
    public static func isMicrosoftHost(_ segment: String) -> Bool {
        segment.contains(".") && resolve(host: segment).microsoftHost != nil
    }
}
