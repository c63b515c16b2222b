import Foundation

/// Every scenario of a run, and the renderings: text for people, JSON, JUnit XML and Markdown.
/// All of them are deterministic: the same files give the same bytes.
public struct RunReport: Sendable, Codable, Hashable {
    public var scenarios: [ScenarioResult]

    public init(scenarios: [ScenarioResult]) { self.scenarios = scenarios }

    public var passed: Bool { scenarios.allSatisfy(\.passed) }
    public var failedCount: Int { scenarios.filter { !$0.passed }.count }
    public var stepCount: Int { scenarios.reduce(0) { $0 + $1.steps.count } }
    public var expectedDenials: Int { scenarios.reduce(0) { $0 + $1.deniedAsExpected.count } }

    public var summary: String {
        "\(scenarios.count) scenario(s): \(scenarios.count - failedCount) passed, \(failedCount) failed; \(stepCount) steps, \(expectedDenials) expected denial(s) explained"
    }

    /// Rule ids taught: denied as expected by some step, or named in `teaches:`.
    public var rulesDeniedAsExpected: Set<String> { Set(scenarios.flatMap(\.deniedAsExpected)) }
}
