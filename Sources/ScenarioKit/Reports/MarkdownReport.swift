import Foundation

/// The report as Markdown, for CI job summaries.
public enum MarkdownReport {
    public static func render(_ report: RunReport) -> String {
        var out = ["# TenantSim scenarios", "", "**\(report.summary)**", "", "| | scenario | steps | expected denials |", "|---|---|---|---|"]
        for scenario in report.scenarios {
            out.append(
                "| \(scenario.skipped != nil ? "⏭️" : scenario.passed ? "✅" : "❌") | \(cell(scenario.name)) (`\(scenario.file)`) | \(scenario.steps.count) | \(scenario.deniedAsExpected.map { "`\($0)`" }.joined(separator: ", ")) |"
            )
        }
        let skipped = report.scenarios.filter { $0.skipped != nil }
        if !skipped.isEmpty {
            out += ["", "## Skipped", ""]
            for scenario in skipped { out.append("- \(cell(scenario.name)) (`\(scenario.file)`): \(cell(scenario.skipped ?? ""))") }
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
                    if case .denied(let rule, _, _, _, let explanation?, _) = step.outcome { out.append("  - why (`\(rule)`): \(cell(explanation))") }
                    if let note = step.note { out.append("  - note: \(cell(note))") }
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
