/// The catalogue entry of a rule: stable id, what it guards, where it comes from, how it fails.
public struct RuleMetadata: Codable, Hashable, Sendable {
    /// `area.subject.condition`; stable, never reused.
    public var id: String
    public var title: String
    /// The condition under which the rule denies, in one sentence.
    public var deniesWhen: String
    /// When the rule has nothing to say about a request.
    public var notApplicableWhen: String
    /// `seed:<heading>` and/or `§N` of domain-facts, or `emulator`.
    public var source: String
    /// The default explanation: why, and what to change in which tenant.
    public var explanation: String
    /// The wire error of a forbid; `nil` for rules that never deny.
    public var wire: WireError?
    /// Where TenantSim departs on purpose from the seed page, and why (`nil`: it doesn't).
    public var departsFromSeed: String?

    public init(
        id: String, title: String, deniesWhen: String, notApplicableWhen: String, source: String,
        explanation: String, wire: WireError?, departsFromSeed: String? = nil
    ) {
        self.departsFromSeed = departsFromSeed
        self.id = id
        self.title = title
        self.deniesWhen = deniesWhen
        self.notApplicableWhen = notApplicableWhen
        self.source = source
        self.explanation = explanation
        self.wire = wire
    }

    /// The section of rules.md the rule belongs to (its first id segment).
    public var area: String { String(id.split(separator: ".").first ?? "") }
}
