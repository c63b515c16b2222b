/// An Entra ID cloud instance. B2B collaboration between two instances needs Microsoft cloud
/// settings on both sides (domain-facts §7.2); Government ↔ China is never supported.
public enum EntraCloud: String, Codable, Sendable, CaseIterable {
    case global
    case usGovernment
    case china

    public var authorityHost: String {
        switch self {
        case .global: "login.microsoftonline.com"
        case .usGovernment: "login.microsoftonline.us"
        case .china: "login.chinacloudapi.cn"
        }
    }

    /// Azure Resource Manager's host in this instance (what `az login` asks for subscriptions and tenants).
    public var armHost: String {
        switch self {
        case .global: "management.azure.com"
        case .usGovernment: "management.usgovcloudapi.net"
        case .china: "management.chinacloudapi.cn"
        }
    }

    /// The token resources of Azure Resource Manager in this instance (the classic one the Azure CLI
    /// asks for, and the host's own URL).
    public var armResources: [String] {
        switch self {
        case .global: ["https://management.core.windows.net/", "https://management.azure.com/"]
        case .usGovernment: ["https://management.core.usgovcloudapi.net/", "https://management.usgovcloudapi.net/"]
        case .china: ["https://management.core.chinacloudapi.cn/", "https://management.chinacloudapi.cn/"]
        }
    }

    /// Other host names that identify this instance (MSAL aliases).
    public var authorityAliases: [String] {
        switch self {
        case .global: ["login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net"]
        case .usGovernment: ["login.microsoftonline.us", "login.usgovcloudapi.net"]
        case .china: ["login.chinacloudapi.cn", "login.partner.microsoftonline.cn"]
        }
    }

    /// The value used in `crossTenantAccessPolicy.allowedCloudEndpoints` for this instance.
    public var cloudEndpoint: String {
        switch self {
        case .global: "microsoftonline.com"
        case .usGovernment: "microsoftonline.us"
        case .china: "partner.microsoftonline.cn"
        }
    }

    public var displayName: String {
        switch self {
        case .global: "Microsoft Azure commercial"
        case .usGovernment: "Microsoft Azure Government"
        case .china: "Microsoft Azure operated by 21Vianet"
        }
    }

    /// Whether Entra B2B collaboration can be enabled between these two instances at all.
    public func canCollaborate(with other: EntraCloud) -> Bool {
        if self == other { return true }
        let pair = Set([self, other])
        return pair != Set([.usGovernment, .china])
    }

    public init?(cloudEndpoint: String) {
        guard let match = EntraCloud.allCases.first(where: { $0.cloudEndpoint == cloudEndpoint }) else { return nil }
        self = match
    }

    public init?(authorityHost: String) {
        let host = authorityHost.lowercased()
        guard let match = EntraCloud.allCases.first(where: { $0.authorityAliases.contains(host) }) else { return nil }
        self = match
    }
}
