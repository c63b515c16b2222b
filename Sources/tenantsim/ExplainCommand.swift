import ArgumentParser
import Foundation
import ScenarioKit

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
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            print(String(decoding: try encoder.encode(checklist), as: UTF8.self))
        } else {
            print(checklist.render(), terminator: "")
        }
    }
}
