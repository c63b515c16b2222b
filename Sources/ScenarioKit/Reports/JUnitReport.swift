/// The report as JUnit XML: one `<testsuite>` per scenario, one `<testcase>` per step and per
/// assertion. No timings, so the output is deterministic.
public enum JUnitReport {
    public static func render(_ report: RunReport) -> String {
        var out = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        let tests = report.scenarios.reduce(0) { $0 + max(1, $1.steps.count + $1.assertions.count) }
        let failures = report.scenarios.reduce(0) { count, scenario in
            count + (scenario.loadError == nil ? scenario.steps.filter { !$0.passed }.count + scenario.assertions.filter { !$0.passed }.count : 1)
        }
        out.append("<testsuites name=\"tenantsim\" tests=\"\(tests)\" failures=\"\(failures)\">")
        for scenario in report.scenarios {
            let caseCount = max(1, scenario.steps.count + scenario.assertions.count)
            let failed = scenario.loadError == nil ? scenario.steps.filter { !$0.passed }.count + scenario.assertions.filter { !$0.passed }.count : 1
            out.append(
                "  <testsuite name=\"\(escape(scenario.name))\" file=\"\(escape(scenario.file))\" tests=\"\(caseCount)\" failures=\"\(failed)\">")
            if let error = scenario.loadError {
                out.append("    <testcase name=\"load\" classname=\"\(escape(scenario.file))\">")
                out.append("      <failure message=\"\(escape(error))\"/>")
                out.append("    </testcase>")
            }
            for step in scenario.steps {
                out.append(
                    "    <testcase name=\"\(escape("\(step.index). \(step.actor.map { "\($0): " } ?? "")\(step.summary)"))\" classname=\"\(escape(scenario.file))\">"
                )
                if !step.passed {
                    out.append("      <failure message=\"\(escape("expected \(step.expected), got \(step.outcome.summary)"))\"/>")
                }
                if case .denied(let rule, _, _, _, let explanation) = step.outcome, step.passed {
                    out.append("      <system-out>\(escape("denied as expected by \(rule): \(explanation ?? "")"))</system-out>")
                }
                out.append("    </testcase>")
            }
            for assertion in scenario.assertions {
                out.append("    <testcase name=\"\(escape("assert \(assertion.summary)"))\" classname=\"\(escape(scenario.file))\">")
                if let failure = assertion.failure { out.append("      <failure message=\"\(escape(failure))\"/>") }
                out.append("    </testcase>")
            }
            out.append("  </testsuite>")
        }
        out.append("</testsuites>")
        return out.joined(separator: "\n") + "\n"
    }

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
