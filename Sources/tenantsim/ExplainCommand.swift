import ArgumentParser
import Foundation
import ScenarioKit
import TenantEngine
import TenantModel

/// `tenantsim explain --scenario FILE --guest X --environment Y`: the onboarding checklist at the
/// end of a scenario.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Print the onboarding checklist of a guest in an environment, at the end of a scenario.")

    @Option(help: "The scenario whose final state to explain.")
    var scenario: String

    @Option(help: "The guest's invited address (or a member's UPN).")
    var guest: String

    @Option(help: "The environment: display name, id or URL.")
    var environment: String

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() async throws {
        let loaded = try ScenarioLoader.load(scenario)
        let (_, engine) = try await ScenarioRunner(library: .standard).runKeepingState(loaded)
        let checklist = try await engine.explain(guest, in: environment)
        if try await !Self.known(guest, engine: engine) {
            // Legitimate (someone not invited yet), but usually a typo: say so without failing.
            FileHandle.standardError.write(
                Data("Note: nobody in the scenario's world has the address \(guest); this is the checklist of someone not invited yet.\n".utf8))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            print(String(decoding: try encoder.encode(checklist), as: UTF8.self))
        } else {
            print(checklist.render(), terminator: "")
        }
    }

    /// Whether a user of some tenant or a personal Microsoft account has `address`.
    static func known(_ address: String, engine: TenantEngine) async throws -> Bool {
        for tenant in try await engine.tenants() where try await engine.user(withAddress: address, in: tenant.id) != nil { return true }
        return try await engine.personalAccounts().contains { $0.email.lowercased() == address.lowercased() }
    }
}
