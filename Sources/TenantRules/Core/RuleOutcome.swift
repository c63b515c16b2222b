/// The result of evaluating one rule: its effect, the facts it used, and for a forbid the
/// situation-specific explanation (and wire message, when the catalogue's message has a placeholder).
public struct RuleOutcome: Sendable, Hashable {
    public var effect: RuleEffect
    public var facts: [Fact]
    /// Explanation for this situation; `nil` uses the rule's catalogue explanation.
    public var explanation: String?
    /// Wire message for this situation; `nil` uses the rule's catalogue message.
    public var message: String?
    /// For `notEnoughInformation`: the facts that were missing.
    public var missing: [String]
    /// A different wire error than the catalogue's, for rules with more than one failure shape
    /// (e.g. AADSTS500212 vs AADSTS500213).
    public var wire: WireError?

    public init(effect: RuleEffect, facts: [Fact], explanation: String? = nil, message: String? = nil, missing: [String] = [], wire: WireError? = nil)
    {
        self.effect = effect
        self.facts = facts
        self.explanation = explanation
        self.message = message
        self.missing = missing
        self.wire = wire
    }

    public static func permit(_ facts: [Fact] = []) -> RuleOutcome { RuleOutcome(effect: .permit, facts: facts) }

    public static func forbid(_ facts: [Fact], explanation: String? = nil, message: String? = nil, wire: WireError? = nil) -> RuleOutcome {
        RuleOutcome(effect: .forbid, facts: facts, explanation: explanation, message: message, wire: wire)
    }

    public static func notApplicable(_ facts: [Fact] = []) -> RuleOutcome { RuleOutcome(effect: .notApplicable, facts: facts) }

    public static func notEnoughInformation(missing: [String], facts: [Fact] = []) -> RuleOutcome {
        RuleOutcome(effect: .notEnoughInformation, facts: facts, missing: missing)
    }
}
