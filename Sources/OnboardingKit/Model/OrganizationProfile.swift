/// The tenant as `GET /organization` describes it: id, name and verified domains.
public struct OrganizationProfile: Decodable, Sendable, Hashable {
    public var id: String
    public var displayName: String?
    public var verifiedDomains: [VerifiedDomain]?

    /// One `verifiedDomains` entry.
    public struct VerifiedDomain: Decodable, Sendable, Hashable {
        public var name: String
        public var isInitial: Bool?
        public var isDefault: Bool?
    }

    /// The `*.onmicrosoft.*` domain every tenant starts with.
    public var initialDomain: String? { verifiedDomains?.first { $0.isInitial == true }?.name }
}
