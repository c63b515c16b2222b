import Foundation
import ScenarioKit
import Testing

@Suite("Running scenarios")
struct ScenarioRunnerTests {
    static var root: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
    static var library: FixtureLibrary { FixtureLibrary(directory: root.appendingPathComponent("fixtures").path) }

    @Test("the usage-location scenario passes and explains its expected denial")
    func usageLocation() async throws {
        let file = Self.root.appendingPathComponent("scenarios/01-inviting/usage-location-before-licence.yaml").path
        let result = await ScenarioRunner(library: Self.library).run(file: file)
        #expect(result.loadError == nil, "\(result.loadError ?? "")")
        #expect(result.passed, "\(TextReport.render(RunReport(scenarios: [result])))")
        #expect(result.deniedAsExpected == ["license.assign.usage-location-missing"])
        let text = TextReport.render(RunReport(scenarios: [result]))
        #expect(text.contains("denied as expected by `license.assign.usage-location-missing`"))
    }
}
