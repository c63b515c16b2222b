/// What actually happened when a step ran.
public enum StepOutcome: Sendable, Hashable, Codable {
    case ok(detail: String?)
    /// A rule said no: the rule id, wire status and code, message, explanation and the facts the rule read.
    case denied(rule: String, status: Int, code: String, message: String, explanation: String?, facts: [String])
    /// An error that no rule decided (bad input, not found, not supported).
    case error(status: Int, code: String, message: String)
    /// A `run:` step's command finished; `blocked` are the rules that block something the command
    /// set up (a maker role for a personal Microsoft account…), found by the checklist after it.
    case exited(code: Int32, blocked: [String])
    /// The step could not be carried out at all: a script that couldn't start or died of an
    /// interpreter or import error, a timeout, a runner error. It never satisfies an expectation.
    case failed(reason: String)

    public var summary: String {
        switch self {
        case .ok(let detail): "ok" + (detail.map { ": \($0)" } ?? "")
        case .denied(let rule, let status, let code, let message, _, _): "denied by \(rule) (\(status) \(code): \(message))"
        case .error(let status, let code, let message): "error \(status) \(code): \(message)"
        case .exited(let code, let blocked):
            "exit code \(code)"
                + (blocked.isEmpty ? "" : "; set up what \(blocked.map { "`\($0)`" }.joined(separator: ", ")) block\(blocked.count == 1 ? "s" : "")")
        case .failed(let reason): "failed: \(reason)"
        }
    }

    /// Whether this outcome satisfies `expectation`.
    public func satisfies(_ expectation: Expectation) -> Bool {
        switch (expectation, self) {
        case (.ok, .ok), (.ok, .exited(0, [])): return true
        case (.denied(let expected, let mentions), .denied(let rule, _, _, let message, let explanation, _)):
            // `mentions:` words may be in the explanation or in the wire message the client saw.
            return expected == rule && mentions.allSatisfy { (explanation ?? "").contains($0) || message.contains($0) }
        case (.error(let code, let status), .error(let actualStatus, let actualCode, _)),
            (.error(let code, let status), .denied(_, let actualStatus, let actualCode, _, _, _)):
            return (code.map { $0 == actualCode } ?? true) && (status.map { $0 == actualStatus } ?? true)
        case (.exitCode(let expected, let blocked), .exited(let code, let found)): return Int32(expected) == code && Set(blocked) == Set(found)
        default: return false
        }
    }
}
