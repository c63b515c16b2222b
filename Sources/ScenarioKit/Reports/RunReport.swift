import Foundation

/// Every scenario of a run, and the renderings: text for people, JSON, JUnit XML and Markdown.
/// All of them are deterministic: the same files give the same bytes.
public struct RunReport: Sendable, Codable, Hashable {
    public var scenarios: [ScenarioResult]

    public init(scenarios: [ScenarioResult]) { self.scenarios = scenarios }

    public var passed: Bool { scenarios.allSatisfy(\.passed) }
    public var failedCount: Int { scenarios.filter { !$0.passed }.count }
    public var skippedCount: Int { scenarios.filter { $0.skipped != nil }.count }
    /// Whether some scenario's file or world couldn't be loaded: a configuration error (exit 2).
    public var hasLoadErrors: Bool { scenarios.contains { $0.loadError != nil } }
    public var stepCount: Int { scenarios.reduce(0) { $0 + $1.steps.count } }
    public var expectedDenials: Int { scenarios.reduce(0) { $0 + $1.deniedAsExpected.count } }

    public var summary: String {
        "\(scenarios.count) scenario(s): \(scenarios.count - failedCount - skippedCount) passed, \(failedCount) failed\(skippedCount == 0 ? "" : ", \(skippedCount) skipped"); \(stepCount) steps, \(expectedDenials) expected denial(s) explained"
    }

    /// Rule ids taught: denied as expected by some step, or named in `teaches:`.
    public var rulesDeniedAsExpected: Set<String> { Set(scenarios.flatMap(\.deniedAsExpected)) }
}
