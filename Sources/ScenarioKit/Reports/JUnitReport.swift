import Foundation

/// The report as JUnit XML: one `<testsuite>` per scenario, one `<testcase>` per step and per
/// assertion. A failure's body carries the why (the rule's explanation, the note, the command's
/// output); a skipped scenario is one `<skipped>` case with the reason. `time` attributes appear
/// only when the run measured timings (`--timings`), so the default output is deterministic.
public enum JUnitReport {
    public static func render(_ report: RunReport) -> String {
        var out = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        let tests = report.scenarios.reduce(0) { $0 + caseCount($1) }
        let failures = report.scenarios.reduce(0) { $0 + failureCount($1) }
        let time = report.scenarios.contains { $0.seconds != nil } ? timeAttribute(report.scenarios.compactMap(\.seconds).reduce(0, +)) : ""
        out.append(
            "<testsuites name=\"tenantsim\" tests=\"\(tests)\" failures=\"\(failures)\" skipped=\"\(report.skippedCount)\"\(time)>")
        for scenario in report.scenarios {
            out.append(
                "  <testsuite name=\"\(escape(scenario.name))\" file=\"\(escape(scenario.file))\" tests=\"\(caseCount(scenario))\" failures=\"\(failureCount(scenario))\" skipped=\"\(scenario.skipped == nil ? 0 : 1)\"\(scenario.seconds.map(timeAttribute) ?? "")>"
            )
            if let reason = scenario.skipped {
                out.append("    <testcase name=\"requires\" classname=\"\(escape(scenario.file))\">")
                out.append("      <skipped message=\"\(escape(reason))\"/>")
                out.append("    </testcase>")
            }
            if let error = scenario.loadError {
                out.append("    <testcase name=\"load\" classname=\"\(escape(scenario.file))\">")
                out.append("      <failure message=\"\(escape(error))\">\(escape(error))</failure>")
                out.append("    </testcase>")
            }
            for step in scenario.steps { out += lines(for: step, file: scenario.file) }
            for assertion in scenario.assertions {
                out.append("    <testcase name=\"\(escape("assert \(assertion.summary)"))\" classname=\"\(escape(scenario.file))\">")
                if let failure = assertion.failure {
                    let body = failure + (assertion.line.map { "\n(\(scenario.file) line \($0))" } ?? "")
                    out.append("      <failure message=\"\(escape(failure))\">\(escape(body))</failure>")
                }
                out.append("    </testcase>")
            }
            out.append("  </testsuite>")
        }
        out.append("</testsuites>")
        return out.joined(separator: "\n") + "\n"
    }

    static func lines(for step: StepResult, file: String) -> [String] {
        let name = "\(step.index). \(step.actor.map { "\($0): " } ?? "")\(step.summary)"
        var out = ["    <testcase name=\"\(escape(name))\" classname=\"\(escape(file))\"\(step.seconds.map(timeAttribute) ?? "")>"]
        if !step.passed {
            let message = "expected \(step.expected), got \(step.outcome.summary)"
            out.append("      <failure message=\"\(escape(message))\">\(escape(failureBody(step, file: file)))</failure>")
        }
        if case .denied(let rule, _, _, _, let explanation, _) = step.outcome, step.passed {
            out.append("      <system-out>\(escape("denied as expected by \(rule): \(explanation ?? "")"))</system-out>")
        }
        out.append("    </testcase>")
        return out
    }

    /// Why a step failed: what was expected and what happened, the rule's explanation, the
    /// scenario's note and the step's details (a command's output, a checklist).
    static func failureBody(_ step: StepResult, file: String) -> String {
        var lines = ["expected \(step.expected), got \(step.outcome.summary)" + (step.line.map { " (\(file) line \($0))" } ?? "")]
        if case .denied(let rule, _, _, _, let explanation?, _) = step.outcome { lines.append("why (\(rule)): \(explanation)") }
        if let note = step.note { lines.append("note: \(note)") }
        lines += step.details
        return lines.joined(separator: "\n")
    }

    static func caseCount(_ scenario: ScenarioResult) -> Int { max(1, scenario.steps.count + scenario.assertions.count) }

    static func failureCount(_ scenario: ScenarioResult) -> Int {
        if scenario.loadError != nil { return 1 }
        return scenario.steps.filter { !$0.passed }.count + scenario.assertions.filter { !$0.passed }.count
    }

    static func timeAttribute(_ seconds: Double) -> String { " time=\"\(String(format: "%.3f", seconds))\"" }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\n": escaped += "&#10;"
            default:
                if scalar.value < 0x20 && scalar != "\t" { continue }
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
