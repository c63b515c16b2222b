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

    public var passed: Bool { loadError == nil && steps.allSatisfy(\.passed) && assertions.allSatisfy(\.passed) }

    /// Rule ids the scenario's steps saw denying as expected.
    public var deniedAsExpected: [String] {
        steps.compactMap { step in
            if step.passed, case .denied(let rule, _, _, _, _) = step.outcome { return rule }
            return nil
        }
    }
}
