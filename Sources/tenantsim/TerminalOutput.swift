import ConsoleKitTerminal
import Foundation
import Rainbow
import ScenarioKit

/// How the text report is printed: wrapped to the terminal's width (80 when output isn't a
/// terminal, so captured output is the same everywhere) and coloured only on a terminal, unless
/// `NO_COLOR` is set (no-color.org) or `TERM` is `dumb`.
struct TerminalOutput {
    let width: Int
    let colour: Bool

    static func standardOutput(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalOutput {
        let terminal = isatty(STDOUT_FILENO) == 1
        let width = terminal ? max(40, Terminal().size.width) : 80
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let colour = terminal && !noColour && environment["TERM"] != "dumb"
        return TerminalOutput(width: width, colour: colour)
    }

    /// Colours a physical line by what it is: green done, red failed, yellow denied as expected,
    /// dim details and skips.
    func paint(_ mark: TextMark, _ text: String) -> String {
        guard colour else { return text }
        switch mark {
        case .passed: return text.green
        case .failed: return text.red
        case .deniedAsExpected: return text.yellow
        case .skipped: return text.dim
        case .detail: return text
        case .summary: return text.bold
        }
    }

    func render(_ lines: [TextReport.Line]) -> String { TextReport.render(lines, width: width, paint: paint) }
}
