import Foundation

/// A Microsoft Entra tenant (directory) in one Microsoft cloud.
public struct Tenant: Codable, Hashable, Sendable {
    public var id: TenantID
    public var displayName: String
    /// The initial `<name>.onmicrosoft.com` domain; guest UPNs are minted under it.
    public var initialDomain: String
    /// Verified custom domains. Mail addresses under these domains belong to this tenant.
    public var verifiedDomains: [String]
    public var cloud: Cloud
    /// Email one-time passcode for guests (on by default).
    public var emailOneTimePasscodeEnabled: Bool
    /// SAML/WS-Fed identity provider federations configured for external domains.
    public var federations: [DomainFederation]
    /// Google federation configured (gmail.com / googlemail.com guests redeem with Google).
    public var googleFederationEnabled: Bool
    public var createdDateTime: Date

    public init(
        id: TenantID, displayName: String, initialDomain: String, verifiedDomains: [String] = [],
        cloud: Cloud, emailOneTimePasscodeEnabled: Bool = true, federations: [DomainFederation] = [],
        googleFederationEnabled: Bool = false, createdDateTime: Date
    ) {
        self.id = id
        self.displayName = displayName
        self.initialDomain = initialDomain.lowercased()
        self.verifiedDomains = verifiedDomains.map { $0.lowercased() }
        self.cloud = cloud
        self.emailOneTimePasscodeEnabled = emailOneTimePasscodeEnabled
        self.federations = federations
        self.googleFederationEnabled = googleFederationEnabled
        self.createdDateTime = createdDateTime
    }

    /// Every domain the tenant owns: the initial domain plus the verified ones.
    /// The handle scenarios and fixtures use: the initial domain's first label (`contoso`).
    public var key: String { String(initialDomain.split(separator: ".").first ?? "") }

    public var allDomains: [String] { [initialDomain] + verifiedDomains.filter { $0 != initialDomain } }

    public func owns(domain: String) -> Bool { allDomains.contains(domain.lowercased()) }

    /// `Tenant name (id)` — how explanations name a tenant.
    public var label: String { "\(displayName) (\(initialDomain), \(cloud.displayName))" }
}
