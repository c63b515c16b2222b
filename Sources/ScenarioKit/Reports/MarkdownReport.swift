import Foundation

/// The report as Markdown, for CI job summaries.
public enum MarkdownReport {
    public static func render(_ report: RunReport) -> String {
        var out = ["# TenantSim scenarios", "", "**\(report.summary)**", "", "| | scenario | steps | expected denials |", "|---|---|---|---|"]
        for scenario in report.scenarios {
            out.append(
                "| \(scenario.passed ? "✅" : "❌") | \(cell(scenario.name)) (`\(scenario.file)`) | \(scenario.steps.count) | \(scenario.deniedAsExpected.map { "`\($0)`" }.joined(separator: ", ")) |"
            )
        }
        let failed = report.scenarios.filter { !$0.passed }
        if !failed.isEmpty {
            out += ["", "## Failures", ""]
            for scenario in failed {
                out.append("### \(scenario.name)")
                if let error = scenario.loadError { out.append("- \(cell(error))") }
                for step in scenario.steps where !step.passed {
                    out.append(
                        "- step \(step.index)\(step.line.map { " (line \($0))" } ?? ""): \(cell(step.summary)) — expected \(step.expected), got \(cell(step.outcome.summary))"
                    )
                }
                for assertion in scenario.assertions where !assertion.passed {
                    out.append("- assert \(cell(assertion.summary)): \(cell(assertion.failure ?? ""))")
                }
                out.append("")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
}
