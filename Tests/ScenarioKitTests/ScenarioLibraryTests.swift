import Foundation
import ScenarioKit
import TenantRules
import Testing

/// The scenario library in `scenarios/`: it passes, it is big enough, it teaches every rule of the
/// catalogue, and it is deterministic.
@Suite("The scenario library")
struct ScenarioLibraryTests {
    static var root: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
    static var library: FixtureLibrary { FixtureLibrary(directory: root.appendingPathComponent("fixtures").path) }

    /// The one rule that never denies; the library teaches it with `teaches:` and identity assertions.
    static let neverDenies: Set<String> = ["b2b.redeem.identity-provider"]

    /// Every scenario file under `scenarios/`, sorted.
    static func scenarioFiles() -> [String] {
        let directory = root.appendingPathComponent("scenarios")
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        var files: [String] = []
        for case let url as URL in walker where ["yaml", "yml"].contains(url.pathExtension) {
            files.append(url.path)
        }
        return files.sorted()
    }

    /// Whether a scenario runs a Python script (`run: python3 …`).
    static func usesPython(_ file: String) -> Bool {
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        return text.range(of: #"run:.*python"#, options: .regularExpression) != nil
    }

    /// Whether `.venv` has Microsoft's Graph SDK and azure-identity (what `scripts/setup` installs).
    static let pythonReady: Bool = {
        let python = root.appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import msgraph, azure.identity, requests"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// Library files relative to the checkout, for readable test names.
    static func relative(_ files: [String]) -> [String] { files.map { String($0.dropFirst(root.path.count + 1)) } }
    static var plainScenarios: [String] { relative(scenarioFiles().filter { !usesPython($0) }) }
    static var pythonScenarios: [String] { relative(scenarioFiles().filter(usesPython)) }

    /// The whole library, run once and shared by the tests below (Python scenarios only when
    /// `.venv` is ready), by path relative to the checkout.
    static let results: Task<[String: ScenarioResult], Never> = Task {
        let runner = ScenarioRunner(library: library)
        var results: [String: ScenarioResult] = [:]
        for relative in plainScenarios + (pythonReady ? pythonScenarios : []) {
            results[relative] = await runner.run(file: root.appendingPathComponent(relative).path)
        }
        return results
    }

    static func expectPasses(_ relative: String) async {
        guard let result = await results.value[relative] else {
            Issue.record("\(relative) was not run")
            return
        }
        #expect(result.loadError == nil, "\(relative): \(result.loadError ?? "")")
        #expect(result.passed, "\(relative) failed:\n\(TextReport.render(RunReport(scenarios: [result])))")
    }

    @Test("the scenario passes", arguments: plainScenarios)
    func scenarioPasses(_ relative: String) async {
        await Self.expectPasses(relative)
    }

    @Test(
        "the real-script scenario passes", .enabled(if: pythonReady, "needs .venv with msgraph-sdk and azure-identity: run scripts/setup"),
        arguments: pythonScenarios)
    func realScriptScenarioPasses(_ relative: String) async {
        await Self.expectPasses(relative)
    }

    @Test("the library has at least 30 scenarios")
    func librarySize() async {
        let results = Self.scenarioFiles()
        #expect(results.count >= 30, "only \(results.count) scenarios under scenarios/")
    }

    @Test("every rule of the catalogue is denied as expected by some scenario")
    func everyRuleIsTaught() async {
        let results = Array(await Self.results.value.values)
        let denied = Set(results.filter(\.passed).flatMap(\.deniedAsExpected))
        let taught = Set(results.filter(\.passed).flatMap(\.teaches))
        let catalogue = RuleCatalog.all.map(\.id)
        #expect(catalogue.count >= 55)
        for id in catalogue {
            if Self.neverDenies.contains(id) {
                #expect(taught.contains(id), "no passing scenario teaches \(id)")
            } else {
                #expect(denied.contains(id), "no passing scenario step is denied as expected by \(id)")
            }
        }
        let unknown = taught.subtracting(catalogue)
        #expect(unknown.isEmpty, "teaches names rules that are not in the catalogue: \(unknown.sorted())")
    }

    @Test("running the whole library twice, run: steps included, gives byte-identical text, JSON, JUnit and Markdown reports")
    func deterministic() async throws {
        let files = try ScenarioLoader.files(in: [Self.root.appendingPathComponent("scenarios").path])
        func report() async throws -> [String] {
            let runner = ScenarioRunner(library: Self.library)
            var results: [ScenarioResult] = []
            for file in files { results.append(await runner.run(file: file)) }
            let report = RunReport(scenarios: results)
            return [TextReport.render(report), try JSONReport.render(report), JUnitReport.render(report), MarkdownReport.render(report)]
        }
        let first = try await report()
        let second = try await report()
        #expect(first.count == 4)
        for (one, two) in zip(first, second) { #expect(one == two) }
        // Realistic consistency (seeded delays, retries with back-off) is in the library.
        #expect(first[0].contains("retried"))
    }
}
