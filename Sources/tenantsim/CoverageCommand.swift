import ArgumentParser
import TenantAPI
import TenantEngine

/// `tenantsim coverage`: docs/COVERAGE.md — every emulated endpoint and rule.
struct CoverageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage", abstract: "Print the coverage table (docs/COVERAGE.md): emulated endpoints and rules.")

    func run() async throws {
        let api = TenantAPI(engine: try await TenantEngine.inMemory())
        print(CoverageReport.markdown(endpoints: api.endpoints), terminator: "")
    }
}
