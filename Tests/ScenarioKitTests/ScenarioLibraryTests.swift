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

    /// The whole library, run once and shared by the tests below.
    static let results: Task<[ScenarioResult], Never> = Task {
        let runner = ScenarioRunner(library: library)
        var results: [ScenarioResult] = []
        for file in scenarioFiles() { results.append(await runner.run(file: file)) }
        return results
    }

    @Test("every scenario of the library passes")
    func wholeLibraryPasses() async {
        let results = await Self.results.value
        #expect(!results.isEmpty)
        for result in results {
            #expect(result.loadError == nil, "\(result.file): \(result.loadError ?? "")")
            #expect(result.passed, "\(result.file) failed:\n\(TextReport.render(RunReport(scenarios: [result])))")
        }
    }

    @Test("the library has at least 30 scenarios")
    func librarySize() async {
        let results = await Self.results.value
        #expect(results.count >= 30, "only \(results.count) scenarios under scenarios/")
    }

    @Test("every rule of the catalogue is denied as expected by some scenario")
    func everyRuleIsTaught() async {
        let results = await Self.results.value
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

    @Test(
        "running the same scenario twice gives byte-identical JSON reports",
        arguments: [
            "scenarios/06-guest-makers/guest-maker-happy-path.yaml",
            "scenarios/08-cross-tenant-and-clouds/cross-cloud-commercial-and-gcc-high.yaml",
            "scenarios/02-redeeming/identity-providers.yaml",
        ])
    func deterministic(_ relative: String) async throws {
        let file = Self.root.appendingPathComponent(relative).path
        let runner = ScenarioRunner(library: Self.library)
        let first = try JSONReport.render(RunReport(scenarios: [await runner.run(file: file)]))
        let second = try JSONReport.render(RunReport(scenarios: [await runner.run(file: file)]))
        #expect(first == second)
    }
}
