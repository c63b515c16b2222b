/// The external collaboration domain list: allow invitations to any domain, only to listed domains,
/// or to all but listed domains — an allow list or a deny list, never both (domain-facts §4.3).
public struct CollaborationRestrictions: Codable, Hashable, Sendable {
    public enum Mode: String, Codable, Sendable, CaseIterable {
        case allowAny
        case allowList
        case denyList
    }

    public var tenantId: TenantID
    public var mode: Mode
    public var domains: [String]

    /// Maximum policy size in characters (25 KB).
    public static let maximumSize = 25 * 1024

    public init(tenantId: TenantID, mode: Mode = .allowAny, domains: [String] = []) {
        self.tenantId = tenantId
        self.mode = mode
        self.domains = domains.map { $0.lowercased() }
    }

    /// Builds the policy from the two lists an admin edits, refusing both at once.
    public static func from(tenantId: TenantID, allowedDomains: [String]?, blockedDomains: [String]?) -> Result<Self, TenantError> {
        let allowed = allowedDomains ?? []
        let blocked = blockedDomains ?? []
        if !allowed.isEmpty && !blocked.isEmpty {
            return .failure(.badRequest("Collaboration restrictions are an allow list or a deny list, never both."))
        }
        let size = (allowed + blocked).reduce(0) { $0 + $1.count + 3 }
        if size > maximumSize {
            return .failure(.badRequest("The domain list is larger than the 25 KB the policy allows."))
        }
        if !allowed.isEmpty { return .success(Self(tenantId: tenantId, mode: .allowList, domains: allowed)) }
        if !blocked.isEmpty { return .success(Self(tenantId: tenantId, mode: .denyList, domains: blocked)) }
        return .success(Self(tenantId: tenantId))
    }

    /// Whether an invitation to `domain` passes the list. Wildcards `*.contoso.com` match subdomains.
    public func permits(domain: String) -> Bool {
        let domain = domain.lowercased()
        switch mode {
        case .allowAny: return true
        case .allowList: return domains.contains { Self.matches(pattern: $0, domain: domain) }
        case .denyList: return !domains.contains { Self.matches(pattern: $0, domain: domain) }
        }
    }

    static func matches(pattern: String, domain: String) -> Bool {
        if pattern.hasPrefix("*.") { return domain.hasSuffix(String(pattern.dropFirst(1))) }
        return pattern == domain
    }

    public var summary: String {
        switch mode {
        case .allowAny: "invitations allowed to any domain"
        case .allowList: "invitations allowed only to: " + domains.joined(separator: ", ")
        case .denyList: "invitations denied to: " + domains.joined(separator: ", ")
        }
    }
}
