/// One line of an explain trace: a rule, what it said, and the facts it used.
public struct RuleEvaluation: Codable, Hashable, Sendable {
    public var ruleId: String
    public var title: String
    public var effect: RuleEffect
    public var facts: [Fact]
    public var explanation: String?
    public var missing: [String]

    public init(ruleId: String, title: String, effect: RuleEffect, facts: [Fact], explanation: String?, missing: [String]) {
        self.ruleId = ruleId
        self.title = title
        self.effect = effect
        self.facts = facts
        self.explanation = explanation
        self.missing = missing
    }
}
