/// The readable report: each step ✓ (done), ⊘ (denied as expected, with the rule and its
/// explanation, once) or ✗ (failed, with what was expected, what happened and why); skipped
/// scenarios with the reason. Lines can be wrapped to a width and painted by mark.
public enum TextReport {
    /// One logical line: its mark, indentation and text.
    public struct Line: Sendable, Hashable {
        public var mark: TextMark
        public var indent: Int
        public var text: String

        public init(mark: TextMark, indent: Int, text: String) {
            self.mark = mark
            self.indent = indent
            self.text = text
        }
    }

    /// The report as text. `width` wraps long lines (continuations indented under their line);
    /// `paint` colours each physical line by its mark (a terminal's colours).
    public static func render(_ report: RunReport, width: Int? = nil, paint: ((TextMark, String) -> String)? = nil) -> String {
        render(lines(report), width: width, paint: paint)
    }

    public static func render(_ lines: [Line], width: Int? = nil, paint: ((TextMark, String) -> String)? = nil) -> String {
        var out: [String] = []
        for line in lines {
            // Spaces the text starts with (a checklist's own indentation) count as indentation.
            let leading = line.text.prefix { $0 == " " }.count
            let indent = line.indent + leading
            let text = String(line.text.dropFirst(leading))
            let pad = String(repeating: " ", count: indent)
            let wrapped = width.map { wrap(text, width: max(20, $0 - indent), hanging: 2) } ?? [text]
            for (index, piece) in wrapped.enumerated() {
                let text = pad + (index == 0 ? "" : "  ") + piece
                out.append(paint.map { $0(line.mark, text) } ?? text)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The logical lines of a report.
    public static func lines(_ report: RunReport) -> [Line] {
        var out: [Line] = []
        for scenario in report.scenarios {
            out += lines(scenario)
            out.append(Line(mark: .detail, indent: 0, text: ""))
        }
        out.append(Line(mark: .summary, indent: 0, text: report.summary))
        return out
    }

    /// The lines of one scenario (no blank line after it).
    public static func lines(_ scenario: ScenarioResult, verbose: Bool = false) -> [Line] {
        var out: [Line] = []
        if let reason = scenario.skipped {
            out.append(Line(mark: .skipped, indent: 0, text: "- \(scenario.name)  (\(scenario.file))"))
            out.append(Line(mark: .skipped, indent: 4, text: "skipped: \(reason)"))
            return out
        }
        out.append(
            Line(mark: scenario.passed ? .passed : .failed, indent: 0, text: "\(scenario.passed ? "✓" : "✗") \(scenario.name)  (\(scenario.file))"))
        if !scenario.teaches.isEmpty { out.append(Line(mark: .detail, indent: 4, text: "teaches: \(scenario.teaches.joined(separator: ", "))")) }
        if let error = scenario.loadError {
            out.append(Line(mark: .failed, indent: 4, text: "✗ \(error)"))
            return out
        }
        for step in scenario.steps { out += lines(for: step, verbose: verbose) }
        for assertion in scenario.assertions {
            out.append(
                Line(
                    mark: assertion.passed ? .passed : .failed, indent: 4,
                    text: "\(assertion.passed ? "✓" : "✗") assert \(assertion.summary)\(assertion.failure.map { " — \($0)" } ?? "")"))
        }
        return out
    }

    /// A step's lines; `verbose` adds the facts the deciding rule read.
    static func lines(for step: StepResult, verbose: Bool = false) -> [Line] {
        let who = step.actor.map { "\($0): " } ?? ""
        let head = "\(step.index). \(who)\(step.summary)"
        var lines: [Line] = []
        func detail(_ text: String) { lines.append(Line(mark: .detail, indent: 9, text: text)) }
        switch (step.passed, step.outcome) {
        case (true, .denied(let rule, _, _, _, let explanation, _)):
            lines.append(Line(mark: .deniedAsExpected, indent: 4, text: "⊘ \(head) — denied as expected (rule \(rule))"))
            if let explanation { detail(explanation) }
        case (true, .ok(let detail)):
            lines.append(Line(mark: .passed, indent: 4, text: "✓ \(head)" + (detail.map { " — \($0)" } ?? "")))
        case (true, let outcome):
            lines.append(Line(mark: .passed, indent: 4, text: "✓ \(head) — \(outcome.summary) (as expected)"))
        case (false, let outcome):
            lines.append(Line(mark: .failed, indent: 4, text: "✗ \(head)"))
            lines.append(
                Line(
                    mark: .failed, indent: 9,
                    text: "expected \(step.expected), got \(outcome.summary)\(step.line.map { " (line \($0))" } ?? "")"))
            if case .denied(_, _, _, _, let explanation?, _) = outcome { detail("why: \(explanation)") }
        }
        if verbose, case .denied(_, _, _, _, _, let facts) = step.outcome, !facts.isEmpty {
            detail("facts: " + facts.joined(separator: "; "))
        }
        if let note = step.note { detail("note: \(note)") }
        for text in step.details { detail(text) }
        return lines
    }

    /// Breaks `text` at spaces into pieces of at most `width` characters (a word longer than the
    /// width stays whole); pieces after the first leave room for a `hanging` indent.
    static func wrap(_ text: String, width: Int, hanging: Int) -> [String] {
        guard text.count > width else { return [text] }
        var pieces: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let room = pieces.isEmpty ? width : width - hanging
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= room {
                current += " " + word
            } else {
                pieces.append(current)
                current = String(word)
            }
        }
        pieces.append(current)
        return pieces.map { piece in String(piece.reversed().drop { $0 == " " }.reversed()) }
    }
}
