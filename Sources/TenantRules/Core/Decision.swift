import TenantModel

/// The answer to "may this operation happen?", with the ids of the rules that determined it (as in
/// Cedar), the facts they used, and the full trace for `explain --full`.
public struct Decision: Codable, Hashable, Sendable {
    public enum Effect: String, Codable, Sendable {
        case permit
        case forbid
        case notEnoughInformation
    }

    public var operation: TenantOperation
    public var effect: Effect
    /// Forbid: the first forbidding rule. Permit: every rule that permitted.
    public var determiningRuleIds: [String]
    /// Facts used by the determining rules.
    public var facts: [Fact]
    /// For a forbid, the explanation a new admin can act on; for a permit, a one-line summary.
    public var explanation: String
    public var source: String?
    /// Every rule evaluated, in order.
    public var evaluations: [RuleEvaluation]
    /// The wire error of a forbid.
    public var error: TenantError?

    public init(
        operation: TenantOperation, effect: Effect, determiningRuleIds: [String], facts: [Fact], explanation: String,
        source: String?, evaluations: [RuleEvaluation], error: TenantError?
    ) {
        self.operation = operation
        self.effect = effect
        self.determiningRuleIds = determiningRuleIds
        self.facts = facts
        self.explanation = explanation
        self.source = source
        self.evaluations = evaluations
        self.error = error
    }

    public var isPermitted: Bool { effect == .permit }

    /// The first forbidding rule id, if any.
    public var deniedBy: String? { effect == .forbid ? determiningRuleIds.first : nil }
}
