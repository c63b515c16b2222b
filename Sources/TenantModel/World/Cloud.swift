/// A Microsoft cloud a tenant lives in. Power Platform treats each case as its own cloud; Entra ID
/// has only three (see ``entraCloud``): GCC tenants use commercial Entra and Graph.
///
/// Hosts follow domain-facts §7.1.
public enum Cloud: String, Codable, Sendable, CaseIterable, Comparable {
    case commercial
    case gcc
    case gccHigh
    case dod
    case china

    public static func < (lhs: Cloud, rhs: Cloud) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The human name used in explanations.
    public var displayName: String {
        switch self {
        case .commercial: "commercial"
        case .gcc: "GCC"
        case .gccHigh: "GCC High"
        case .dod: "DoD"
        case .china: "China (21Vianet)"
        }
    }

    /// The Entra ID (identity) cloud. Commercial and GCC share the global cloud; GCC High and DoD
    /// share Azure Government.
    public var entraCloud: EntraCloud {
        switch self {
        case .commercial, .gcc: .global
        case .gccHigh, .dod: .usGovernment
        case .china: .china
        }
    }

    /// Is this one of the US Government clouds (GCC, GCC High, DoD)? Their `allowInvitesFrom`
    /// default is `none`.
    public var isUSGovernment: Bool { self == .gcc || self == .gccHigh || self == .dod }

    public var entraAuthorityHost: String { entraCloud.authorityHost }

    public var graphHost: String {
        switch self {
        case .commercial, .gcc: "graph.microsoft.com"
        case .gccHigh: "graph.microsoft.us"
        case .dod: "dod-graph.microsoft.us"
        case .china: "microsoftgraph.chinacloudapi.cn"
        }
    }

    /// The Power Platform admin (BAP) API host.
    public var adminAPIHost: String {
        switch self {
        case .commercial: "api.bap.microsoft.com"
        case .gcc: "gov.api.bap.microsoft.us"
        case .gccHigh: "high.api.bap.microsoft.us"
        case .dod: "api.bap.appsplatform.us"
        case .china: "api.bap.partner.microsoftonline.cn"
        }
    }

    /// The Power Platform API host (its token resource is `https://<host>`), as Microsoft's Power
    /// Platform tooling maps clouds to it (api.powerplatform.com for commercial).
    public var powerPlatformAPIHost: String {
        switch self {
        case .commercial: "api.powerplatform.com"
        case .gcc: "api.gov.powerplatform.microsoft.us"
        case .gccHigh: "api.high.powerplatform.microsoft.us"
        case .dod: "api.appsplatform.us"
        case .china: "api.powerplatform.partner.microsoftonline.cn"
        }
    }

    /// The token audience the admin API accepts.
    public var powerAppsAudience: String {
        switch self {
        case .commercial: "https://service.powerapps.com/"
        case .gcc: "https://service.powerapps.us/"
        case .gccHigh: "https://high.service.apps.appsplatform.us/"
        case .dod: "https://service.apps.appsplatform.us/"
        case .china: "https://service.powerapps.cn/"
        }
    }

    /// The domain Dataverse instance URLs live under (`https://<org>.<domain>`).
    public var dataverseDomain: String {
        switch self {
        case .commercial: "crm.dynamics.com"
        case .gcc: "crm9.dynamics.com"
        case .gccHigh: "crm.microsoftdynamics.us"
        case .dod: "crm.appsplatform.us"
        case .china: "crm.dynamics.cn"
        }
    }

    /// The maker portal (make.powerapps.com and its sovereign twins).
    public var makerPortalHost: String {
        switch self {
        case .commercial: "make.powerapps.com"
        case .gcc: "make.gov.powerapps.us"
        case .gccHigh: "make.high.powerapps.us"
        case .dod: "make.apps.appsplatform.us"
        case .china: "make.powerapps.cn"
        }
    }

    /// The Graph audience URI (`aud` of Graph tokens).
    public var graphAudience: String { "https://" + graphHost }
}
