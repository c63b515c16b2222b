import Foundation
import TenantAPI
import TenantEngine
import TenantModel
import Testing

@Suite("docs/CONTROL-API.md")
struct ControlAPIDocTests {
    @Test("every control route has its section (### `METHOD /_tenantsim/path`), and every section is a route")
    func everyRouteDocumented() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/CONTROL-API.md"), encoding: .utf8)
        let api = TenantAPI(engine: try await TenantEngine.inMemory())
        let routes = Set(api.endpoints.filter { $0.surface == .control }.map { "\($0.method) \($0.path)" })
        #expect(routes.count >= 25)
        let headings = Set(
            doc.split(separator: "\n").filter { $0.hasPrefix("### `") && $0.hasSuffix("`") }.map { String($0.dropFirst(5).dropLast()) })
        for route in routes.sorted() { #expect(headings.contains(route), "docs/CONTROL-API.md has no section for \(route)") }
        for heading in headings.sorted() where heading.contains("/_tenantsim") {
            #expect(routes.contains(heading), "docs/CONTROL-API.md documents \(heading), which is not a route")
        }
    }
}
