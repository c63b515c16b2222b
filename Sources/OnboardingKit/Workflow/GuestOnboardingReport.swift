/// One guest's checklist after a run: every step with its status.
public struct GuestOnboardingReport: Sendable, Hashable {
    /// The guest's address as given.
    public var guest: String
    /// The guest's object id in the resource tenant, once known.
    public var userId: String?
    public var steps: [StepResult]

    public init(guest: String, userId: String?, steps: [StepResult]) {
        self.guest = guest
        self.userId = userId
        self.steps = steps
    }

    /// The status of `step`, if the checklist has it.
    public func status(of step: OnboardingStep) -> StepStatus? { steps.first { $0.step == step }?.status }

    /// Whether every step is complete.
    public var isComplete: Bool { steps.allSatisfy(\.status.isComplete) }

    /// Whether this run changed anything for the guest.
    public var changedSomething: Bool { steps.contains { $0.status.changedSomething } }

    /// The first failed step's error.
    public var firstError: GraphError? { steps.lazy.compactMap(\.status.error).first }

    /// Why the guest isn't complete: the first failure's rule id (or code) and message, else what
    /// the guest still has to do; `nil` when complete.
    public var blockedBy: String? {
        if let error = firstError {
            return (error.ruleId ?? error.code) + ": " + (error.explanation ?? error.message)
        }
        if let waiting = steps.first(where: { if case .waiting = $0.status { true } else { false } }) {
            return "\(waiting.step.title): \(waiting.status.detail)"
        }
        if let other = steps.first(where: { !$0.status.isComplete }) { return "\(other.step.title): \(other.status.detail)" }
        return nil
    }

    /// The checklist as text for a terminal.
    public func render() -> String {
        var lines = ["\(guest)\(userId.map { " (\($0))" } ?? "") — \(isComplete ? "complete" : "incomplete")"]
        var makerHeader = false
        for (index, result) in steps.enumerated() {
            if result.step.isMakerStep && !makerHeader {
                lines.append("  Guest maker track")
                makerHeader = true
            }
            var line = "  \(result.status.mark) \(index + 1). \(result.step.title) — \(result.status.label)"
            let detail = result.status.detail
            if !detail.isEmpty { line += ": \(detail)" }
            lines.append(line)
            if let error = result.status.error, let explanation = error.explanation { lines.append("       \(explanation)") }
        }
        if let blockedBy { lines.append("  blocked by \(blockedBy)") }
        return lines.joined(separator: "\n")
    }
}
