/// One step of a scenario run, for the reports.
public struct StepResult: Sendable, Codable, Hashable {
    public var index: Int
    public var line: Int?
    public var actor: String?
    public var action: String
    public var summary: String
    public var expected: String
    public var outcome: StepOutcome
    public var passed: Bool
    public var note: String?
    /// Extra text: a checklist, a command's output, least-privilege advice.
    public var details: [String]
    /// Wall-clock seconds the step took; only measured with `--timings`.
    public var seconds: Double? = nil
}
