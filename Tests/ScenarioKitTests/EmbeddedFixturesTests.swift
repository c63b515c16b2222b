import Foundation
import TenantEngine
import Testing

@testable import ScenarioKit

@Suite("The standard fixtures are built into the binary")
struct EmbeddedFixturesTests {
    @Test("the built-in copies match fixtures/*.yaml (regenerate with scripts/embed-fixtures)")
    func matchFiles() throws {
        let folder = ScenarioRunnerTests.root.appendingPathComponent("fixtures")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(EmbeddedFixtures.files.keys))
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let name = String(file.dropLast(5))
            #expect(EmbeddedFixtures.files[name] == text.trimmingCharacters(in: .newlines), "\(name) is stale: run scripts/embed-fixtures")
        }
    }

    @Test("a library whose folder lacks the standard fixtures still loads them, and an unknown name still fails")
    func fallback() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("no-fixtures-\(UUID().uuidString)").path
        let library = FixtureLibrary(directory: empty)
        let world = try library.load(["contoso", "fabrikam"])
        #expect(world.tenants.map(\.key) == ["contoso", "fabrikam"])
        #expect(library.names().contains("personal-accounts"))
        #expect(throws: ScenarioError.self) { try library.load("northwind") }
    }
}
