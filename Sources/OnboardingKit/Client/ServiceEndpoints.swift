/// The hosts and audiences of one Microsoft cloud that the onboarding client talks to. Requests
/// always carry the real Microsoft host names; a transport decides where they actually go (in
/// process, a TenantSim server via its `/<host>/…` prefix, or the real cloud).
public struct ServiceEndpoints: Sendable, Hashable {
    /// Microsoft Graph, e.g. `graph.microsoft.com`.
    public var graphHost: String
    /// The Power Platform admin API (BAP), e.g. `api.bap.microsoft.com`.
    public var adminAPIHost: String
    /// The admin API's token audience, e.g. `https://service.powerapps.com/`.
    public var adminAPIAudience: String
    /// The admin API's `api-version`.
    public var adminAPIVersion: String
    /// The Power Platform API, e.g. `api.powerplatform.com` (its token resource is `https://<host>`).
    public var powerPlatformAPIHost: String
    /// The Dataverse Web API version path segment.
    public var dataverseVersion: String
    /// Where TenantSim's control API answers (`localhost` through a TenantSim transport), or
    /// `nil` against the real cloud: steps with no Microsoft API (notify) are then reported as
    /// not automated.
    public var controlAuthority: String?
    /// TenantSim's control key, sent with every control call in `X-TenantSim-Control-Key`.
    public var controlKey: String?

    public init(
        graphHost: String = "graph.microsoft.com", adminAPIHost: String = "api.bap.microsoft.com",
        adminAPIAudience: String = "https://service.powerapps.com/", adminAPIVersion: String = "2020-10-01", dataverseVersion: String = "v9.2",
        controlAuthority: String? = "localhost", controlKey: String? = nil, powerPlatformAPIHost: String = "api.powerplatform.com"
    ) {
        self.powerPlatformAPIHost = powerPlatformAPIHost
        self.controlKey = controlKey
        self.graphHost = graphHost
        self.adminAPIHost = adminAPIHost
        self.adminAPIAudience = adminAPIAudience
        self.adminAPIVersion = adminAPIVersion
        self.dataverseVersion = dataverseVersion
        self.controlAuthority = controlAuthority
    }

    /// The commercial cloud, with TenantSim's control API.
    public static let tenantSim = ServiceEndpoints()

    /// The real commercial cloud: no control API.
    public static let microsoftCommercial = ServiceEndpoints(controlAuthority: nil)

    /// `https://graph.microsoft.com/.default`.
    public var graphScope: String { "https://\(graphHost)/.default" }

    /// The admin API scope: its audience plus `/.default` (`https://service.powerapps.com//.default`).
    public var adminAPIScope: String { adminAPIAudience + "/.default" }

    /// The Power Platform API scope (`https://api.powerplatform.com/.default`).
    public var powerPlatformAPIScope: String { "https://\(powerPlatformAPIHost)/.default" }

    /// The scope of a Dataverse instance host (`https://contoso.crm.dynamics.com/.default`).
    public func dataverseScope(host: String) -> String { "https://\(host)/.default" }
}
