/// What happened to one onboarding step of one guest.
public enum StepStatus: Sendable, Hashable {
    /// This run did it.
    case doneNow(String)
    /// It was already so; nothing was changed.
    case alreadyDone(String)
    /// The guest has to act first (redeem the invitation); not an error.
    case waiting(String)
    /// Doesn't apply (e.g. the environment has no security group).
    case notApplicable(String)
    /// There is no API for it against this server; a person has to do it.
    case notAutomated(String)
    /// The server refused or failed; the error carries the code, message and rule id.
    case failed(GraphError)
    /// Not tried because an earlier step isn't done.
    case notAttempted(String)

    /// Whether the step needs nothing more from the workflow or the guest.
    public var isComplete: Bool {
        switch self {
        case .doneNow, .alreadyDone, .notApplicable, .notAutomated: true
        case .waiting, .failed, .notAttempted: false
        }
    }

    /// Whether this run changed something.
    public var changedSomething: Bool { if case .doneNow = self { true } else { false } }

    /// A one-character mark for terminals.
    public var mark: String {
        switch self {
        case .doneNow: "✓"
        case .alreadyDone: "="
        case .waiting: "…"
        case .notApplicable: "–"
        case .notAutomated: "!"
        case .failed: "✗"
        case .notAttempted: "·"
        }
    }

    /// A short label: `done now`, `already done`, `waiting`, …
    public var label: String {
        switch self {
        case .doneNow: "done now"
        case .alreadyDone: "already done"
        case .waiting: "waiting"
        case .notApplicable: "not applicable"
        case .notAutomated: "not automated"
        case .failed: "failed"
        case .notAttempted: "not attempted"
        }
    }

    /// The detail text (the error's description for a failure).
    public var detail: String {
        switch self {
        case .doneNow(let text), .alreadyDone(let text), .waiting(let text), .notApplicable(let text), .notAutomated(let text),
            .notAttempted(let text):
            text
        case .failed(let error): error.description
        }
    }

    /// The error of a failed step.
    public var error: GraphError? { if case .failed(let error) = self { error } else { nil } }
}
