/// What a line of the text report is, so a terminal can colour it: a learner must tell "denied as
/// expected" (⊘) from "done" (✓) and "failed" (✗) at a glance.
public enum TextMark: Sendable, Hashable {
    case passed
    case failed
    case deniedAsExpected
    case skipped
    /// An explanation, a note, a command's output: read, not judged.
    case detail
    case summary
}
