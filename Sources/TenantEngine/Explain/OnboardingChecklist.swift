import TenantModel

/// The explain view of rules.md §10 for one (guest, environment): which onboarding steps are
/// done, which are missing and which rule blocks them, and for each capability the first rule that
/// blocks it. Facts TenantSim doesn't have are reported as `notEnoughInformation`, never guessed.
public struct OnboardingChecklist: Codable, Sendable, Hashable {
    public enum Status: String, Codable, Sendable {
        case done
        case missing
        case notApplicable
        case notEnoughInformation

        /// ✓ done, ✗ missing, – not applicable, ? not enough information.
        public var mark: String {
            switch self {
            case .done: "✓"
            case .missing: "✗"
            case .notApplicable: "–"
            case .notEnoughInformation: "?"
            }
        }
    }

    /// One step of the onboarding flow.
    public struct Step: Codable, Sendable, Hashable {
        public var number: Int
        public var title: String
        public var status: Status
        public var detail: String
        /// The rule that blocks this step, when missing.
        public var blockingRule: String?
        public var explanation: String?
    }

    /// Whether the guest can do something now, and if not, the first rule in the way.
    public struct Capability: Codable, Sendable, Hashable {
        public enum Verdict: String, Codable, Sendable {
            case allowed, blocked, notApplicable, notEnoughInformation

            /// ✓ allowed, ✗ blocked, – not applicable, ? not enough information.
            public var mark: String {
                switch self {
                case .allowed: "✓"
                case .blocked: "✗"
                case .notApplicable: "–"
                case .notEnoughInformation: "?"
                }
            }
        }

        public var name: String
        public var verdict: Verdict
        public var blockingRule: String?
        public var explanation: String?
    }

    public var account: String
    public var tenant: String
    public var environment: String
    public var environmentURL: String
    public var steps: [Step]
    public var makerSteps: [Step]
    public var capabilities: [Capability]

    /// The first missing step of the main flow, if any.
    public var nextStep: Step? { steps.first { $0.status == .missing } }

    /// The checklist as text for a terminal, a scenario report or a golden file. Each explanation
    /// is printed once; a later step or capability blocked for the same reason says so.
    public func render() -> String {
        var lines = ["Onboarding checklist for \(account) in \(environment) (\(environmentURL)), tenant \(tenant)"]
        var explained: Set<String> = []
        func explain(_ explanation: String?) {
            guard let explanation else { return }
            lines.append(explained.insert(explanation).inserted ? "       \(explanation)" : "       (explained above)")
        }
        func add(_ step: Step) {
            var line = "  \(step.status.mark) \(step.number). \(step.title)"
            if !step.detail.isEmpty { line += " — \(step.detail)" }
            lines.append(line)
            if let rule = step.blockingRule { lines.append("       blocked by \(rule)") }
            explain(step.explanation)
        }
        steps.forEach(add)
        if !makerSteps.isEmpty {
            lines.append("Guest maker track")
            makerSteps.forEach(add)
        }
        lines.append("Capabilities")
        for capability in capabilities {
            var line = "  \(capability.verdict.mark) \(capability.name)"
            if let rule = capability.blockingRule { line += " — \(capability.verdict == .blocked ? "blocked by" : "needs") \(rule)" }
            lines.append(line)
            explain(capability.explanation)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
