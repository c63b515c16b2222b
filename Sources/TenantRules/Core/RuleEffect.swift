/// What one rule says about one request.
public enum RuleEffect: String, Codable, Sendable {
    /// The rule applies and allows the request.
    case permit
    /// The rule applies and denies the request.
    case forbid
    /// The rule's subject is absent from this request (for instance a usage-location rule on a
    /// request that doesn't touch usage location).
    case notApplicable
    /// The rule would apply but a fact it needs is unknown; TenantSim never guesses.
    case notEnoughInformation
}
