/// The readable report: each step ✓ or ✗; expected denials shown as teaching moments with the
/// rule's explanation; failures with the expectation, what happened and why.
public enum TextReport {
    public static func render(_ report: RunReport) -> String {
        var out: [String] = []
        for scenario in report.scenarios {
            if let reason = scenario.skipped {
                out.append("- \(scenario.name)  (\(scenario.file))")
                out.append("    skipped: \(reason)")
                out.append("")
                continue
            }
            out.append("\(scenario.passed ? "✓" : "✗") \(scenario.name)  (\(scenario.file))")
            if !scenario.teaches.isEmpty { out.append("    teaches: \(scenario.teaches.joined(separator: ", "))") }
            if let error = scenario.loadError {
                out.append("    ✗ \(error)")
                out.append("")
                continue
            }
            for step in scenario.steps { out += lines(for: step) }
            for assertion in scenario.assertions {
                out.append("    \(assertion.passed ? "✓" : "✗") assert \(assertion.summary)\(assertion.failure.map { " — \($0)" } ?? "")")
            }
            out.append("")
        }
        out.append(report.summary)
        return out.joined(separator: "\n") + "\n"
    }

    static func lines(for step: StepResult) -> [String] {
        let who = step.actor.map { "\($0): " } ?? ""
        var lines: [String] = []
        let head = "    \(step.passed ? "✓" : "✗") \(step.index). \(who)\(step.summary)"
        switch (step.passed, step.outcome) {
        case (true, .denied(let rule, _, _, _, let explanation)):
            lines.append("\(head) — denied as expected by `\(rule)`")
            if let explanation { lines.append("         \(explanation)") }
        case (true, .ok(let detail)):
            lines.append(head + (detail.map { " — \($0)" } ?? ""))
        case (true, let outcome):
            lines.append("\(head) — \(outcome.summary) (as expected)")
        case (false, let outcome):
            lines.append("\(head)")
            lines.append("         expected \(step.expected), got \(outcome.summary)\(step.line.map { " (line \($0))" } ?? "")")
            if case .denied(_, _, _, _, let explanation?) = outcome { lines.append("         why: \(explanation)") }
        }
        if let note = step.note { lines.append("         note: \(note)") }
        lines += step.details.map { "         \($0)" }
        return lines
    }
}
