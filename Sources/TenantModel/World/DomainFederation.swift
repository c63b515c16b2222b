/// A SAML/WS-Fed identity provider federation for an external domain (redemption order step 2).
public struct DomainFederation: Codable, Hashable, Sendable {
    public var domain: String
    public var issuerUri: String

    public init(domain: String, issuerUri: String) {
        self.domain = domain.lowercased()
        self.issuerUri = issuerUri
    }
}
