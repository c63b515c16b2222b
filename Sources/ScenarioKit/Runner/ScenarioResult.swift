/// A whole scenario run.
public struct ScenarioResult: Sendable, Codable, Hashable {
    public var file: String
    public var name: String
    public var description: String
    public var teaches: [String]
    public var steps: [StepResult]
    public var assertions: [AssertionResult]
    /// A problem loading the scenario or building its world.
    public var loadError: String?
    /// Why the scenario didn't run on this machine (its `requires:` weren't met), with the fix.
    /// A skipped scenario neither passes nor fails.
    public var skipped: String? = nil
    /// Wall-clock seconds the scenario took; only measured with `--timings`, so reports stay
    /// byte-identical otherwise.
    public var seconds: Double? = nil

    /// Whether nothing went wrong: no load error, every step and assertion as expected. A skipped
    /// scenario did nothing wrong.
    public var passed: Bool { loadError == nil && steps.allSatisfy(\.passed) && assertions.allSatisfy(\.passed) }
    public var failed: Bool { !passed }

    /// Rule ids the scenario's steps saw denying as expected.
    public var deniedAsExpected: [String] {
        steps.compactMap { step in
            if step.passed, case .denied(let rule, _, _, _, _, _) = step.outcome { return rule }
            return nil
        }
    }
}
