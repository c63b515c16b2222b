import ArgumentParser
import Foundation
import ScenarioKit

/// `tenantsim run [paths…]`: the main job — run scenario files and report.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run scenario files (default: scenarios/) against the embedded fake tenant and report.")

    @Argument(
        help:
            "Scenario files or folders. The default, scenarios, is the scenarios/ folder here, else the library built into the binary (a built-in path such as scenarios/06-guest-makers also works from any folder)."
    )
    var paths: [String] = ["scenarios"]

    @Option(help: "Write a JUnit XML report here.")
    var junit: String?

    @Option(help: "Write a JSON report here.")
    var json: String?

    @Option(help: "Write a Markdown report here (for CI job summaries).")
    var markdown: String?

    @Flag(help: "Print one line per scenario (and the failing steps of a failed one), then the summary.")
    var quiet = false

    @Flag(help: "Also print the facts each deciding rule read (the caller's roles, the tenant's settings, the licences it counted…).")
    var verbose = false

    @Flag(help: "Measure each scenario and step and add the seconds to the reports (JUnit time attributes); without it reports are byte-identical.")
    var timings = false

    func run() async throws {
        let runner = ScenarioRunner(library: .standard, timings: timings)
        var results: [ScenarioResult] = []
        let files = try ScenarioLoader.files(in: paths)
        guard !files.isEmpty else {
            FileHandle.standardError.write(Data("Error: no scenario files (*.yaml, *.yml) under \(paths.joined(separator: ", ")).\n".utf8))
            throw ExitCode(TenantSimCommand.configurationError)
        }
        let output = TerminalOutput.standardOutput()
        for file in files {
            let result = await runner.run(file: file)
            results.append(result)
            var lines = TextReport.lines(result, verbose: verbose)
            if quiet { lines = lines.enumerated().filter { $0.offset == 0 || $0.element.mark == .failed }.map(\.element) }
            FileHandle.standardOutput.write(Data(output.render(lines + (quiet ? [] : [TextReport.Line(mark: .detail, indent: 0, text: "")])).utf8))
        }
        let report = RunReport(scenarios: results)
        FileHandle.standardOutput.write(Data(output.render([TextReport.Line(mark: .summary, indent: 0, text: report.summary)]).utf8))
        if let junit { try Self.write(JUnitReport.render(report), to: junit) }
        if let json { try Self.write(JSONReport.render(report), to: json) }
        if let markdown { try Self.write(MarkdownReport.render(report), to: markdown) }
        if report.hasLoadErrors { throw ExitCode(TenantSimCommand.configurationError) }
        if !report.passed { throw ExitCode(1) }
    }

    /// Writes a report, creating its folder (`out/` on a fresh clone) first.
    static func write(_ text: String, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            FileHandle.standardError.write(Data("Error: can't write the report \(path): \((error as NSError).localizedDescription)\n".utf8))
            throw ExitCode(TenantSimCommand.configurationError)
        }
    }
}
