import Foundation
import TenantAPI
import TenantEngine
import TenantModel
import Testing

@Suite("The generated coverage table")
struct CoverageTests {
    @Test("docs/COVERAGE.md matches `tenantsim coverage`")
    func coverageIsFresh() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let committed = try String(contentsOf: root.appendingPathComponent("docs/COVERAGE.md"), encoding: .utf8)
        let api = TenantAPI(engine: try await TenantEngine.inMemory())
        #expect(
            committed == CoverageReport.markdown(endpoints: api.endpoints),
            "docs/COVERAGE.md is stale: run `swift run tenantsim coverage > docs/COVERAGE.md`")
    }

    @Test("every emulated Graph write declares the permissions it accepts")
    func graphWritesDeclarePermissions() async throws {
        let api = TenantAPI(engine: try await TenantEngine.inMemory())
        for endpoint in api.endpoints where endpoint.surface == .graph && endpoint.method != "GET" {
            #expect(!endpoint.permissions.isEmpty, "\(endpoint.method) \(endpoint.path)")
        }
    }
}
