import ArgumentParser
import Foundation
import ScenarioKit

/// `tenantsim run [paths…]`: the main job — run scenario files and report.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run scenario files (default: scenarios/) against the embedded fake tenant and report.")

    @Argument(help: "Scenario files or folders.")
    var paths: [String] = ["scenarios"]

    @Option(help: "Write a JUnit XML report here.")
    var junit: String?

    @Option(help: "Write a JSON report here.")
    var json: String?

    @Option(help: "Write a Markdown report here (for CI job summaries).")
    var markdown: String?

    @Flag(help: "Print only failures and the summary.")
    var quiet = false

    func run() async throws {
        let runner = ScenarioRunner(library: .standard)
        var results: [ScenarioResult] = []
        for file in try ScenarioLoader.files(in: paths) {
            let result = await runner.run(file: file)
            results.append(result)
            let single = TextReport.render(RunReport(scenarios: [result]))
            if !quiet || !result.passed {
                FileHandle.standardOutput.write(Data(single.split(separator: "\n", omittingEmptySubsequences: false).dropLast(2).joined(separator: "\n").utf8))
                FileHandle.standardOutput.write(Data("\n".utf8))
            }
        }
        let report = RunReport(scenarios: results)
        FileHandle.standardOutput.write(Data((report.summary + "\n").utf8))
        if let junit { try JUnitReport.render(report).write(toFile: junit, atomically: true, encoding: .utf8) }
        if let json { try JSONReport.render(report).write(toFile: json, atomically: true, encoding: .utf8) }
        if let markdown { try MarkdownReport.render(report).write(toFile: markdown, atomically: true, encoding: .utf8) }
        if !report.passed { throw ExitCode(1) }
    }
}
