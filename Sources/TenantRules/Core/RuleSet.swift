import TenantModel

/// The explicit, ordered list of rules guarding one operation, and how they combine: every rule is
/// evaluated (for the trace); the first forbid decides; with no forbid, any `notEnoughInformation`
/// makes the answer `notEnoughInformation`; otherwise the operation is permitted (the default).
public struct RuleSet<Context>: Sendable {
    public let operation: TenantOperation
    public let rules: [any Rule<Context>]

    public init(operation: TenantOperation, rules: [any Rule<Context>]) {
        self.operation = operation
        self.rules = rules
    }

    public var ruleIds: [String] { rules.map(\.metadata.id) }

    public func decide(_ context: Context) -> Decision {
        var evaluations: [RuleEvaluation] = []
        var firstForbid: (RuleMetadata, RuleOutcome)?
        var firstUnknown: (RuleMetadata, RuleOutcome)?
        for rule in rules {
            let outcome = rule.evaluate(context)
            let meta = rule.metadata
            evaluations.append(
                RuleEvaluation(
                    ruleId: meta.id, title: meta.title, effect: outcome.effect, facts: outcome.facts,
                    explanation: outcome.effect == .forbid ? (outcome.explanation ?? meta.explanation) : nil,
                    missing: outcome.missing))
            if outcome.effect == .forbid, firstForbid == nil { firstForbid = (meta, outcome) }
            if outcome.effect == .notEnoughInformation, firstUnknown == nil { firstUnknown = (meta, outcome) }
        }
        if let (meta, outcome) = firstForbid {
            let explanation = outcome.explanation ?? meta.explanation
            let wire = outcome.wire ?? meta.wire ?? WireError.graph(403, "Authorization_RequestDenied", meta.title, .emulator)
            var error = TenantError(
                status: wire.status, code: wire.code, message: outcome.message ?? wire.message, surface: wire.surface,
                ruleIds: [meta.id], explanation: explanation, source: meta.source, aadsts: wire.aadsts,
                oauthError: wire.oauthError)
            error.facts = outcome.facts.map { "\($0.name) = \($0.value)" }
            return Decision(
                operation: operation, effect: .forbid, determiningRuleIds: [meta.id], facts: outcome.facts,
                explanation: explanation, source: meta.source, evaluations: evaluations, error: error)
        }
        if let (meta, outcome) = firstUnknown {
            return Decision(
                operation: operation, effect: .notEnoughInformation, determiningRuleIds: [meta.id], facts: outcome.facts,
                explanation: "\(meta.title): not enough information (missing \(outcome.missing.joined(separator: ", "))).",
                source: meta.source, evaluations: evaluations, error: nil)
        }
        let permitting = evaluations.filter { $0.effect == .permit }
        return Decision(
            operation: operation, effect: .permit, determiningRuleIds: permitting.map(\.ruleId),
            facts: permitting.flatMap(\.facts), explanation: "\(operation) is permitted.", source: nil,
            evaluations: evaluations, error: nil)
    }
}
