import ArgumentParser
import Foundation
import ScenarioKit
import TenantEngine
import TenantModel

/// `tenantsim export [--state FILE | --scenario FILE] [--tenant KEY…] [--anonymize] [-o FILE]`:
/// a world as a fixture file that scenarios and `serve --fixture` load.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a world — a serve state, or a scenario's final world — as a fixture file to load and share.",
        discussion: """
            The fixture holds the tenants' domains, policies, cross-tenant settings, members with their roles and licences, \
            guests and where their invitations stand, groups, SKUs, apps, environments with role grants and teams, and Power \
            Platform settings; ids are kept, so the loaded world answers the same. It never holds passwords; --anonymize also \
            replaces people's names and addresses with stable fakes (keeping domains) and drops app secrets, for a bug report. \
            Load it in a scenario with world: fixtures: [file.yaml], or serve --fixture file.yaml.
            """)

    @Option(help: "The state file to export (default: \(StateFile.defaultPath)).")
    var state: String?

    @Option(help: "Export the final world of this scenario instead of a state file.")
    var scenario: String?

    @Option(name: .customLong("tenant"), help: "Export only this tenant (key, id or domain); repeat for several.")
    var tenants: [String] = []

    @Flag(help: "Replace names and addresses with stable fakes (domains kept) and drop app secrets.")
    var anonymize = false

    @Option(name: [.short, .long], help: "Write the fixture to this file (owner-only) instead of standard output.")
    var output: String?

    func validate() throws {
        if state != nil && scenario != nil { throw ValidationError("Give --state or --scenario, not both.") }
    }

    func run() async throws {
        let engine: TenantEngine
        let source: String
        if let scenario {
            let loaded = try ScenarioLoader.load(scenario)
            engine = try await ScenarioRunner(library: .standard).runKeepingState(loaded).1
            source = "the final world of \(scenario)"
        } else {
            let path = state ?? StateFile.defaultPath
            guard FileManager.default.fileExists(atPath: path) else {
                throw ConfigurationError("There is no state at \(path) (start tenantsim serve, or give --state or --scenario).")
            }
            engine = try await StateFile.open(path).engine
            source = "the state \(path)"
        }
        var world = WorldSpec()
        do {
            world = try await engine.exportWorld(tenants: tenants)
        } catch {
            guard error.status == 404 else { throw error }
            let known = try await engine.tenants().map(\.key)
            let unknown = tenants.filter { !known.contains($0.lowercased()) }
            throw ConfigurationError(
                "No tenant \(unknown.map { "'\($0)'" }.joined(separator: ", ")) in \(source) (its tenants: \(known.joined(separator: ", "))).")
        }
        if anonymize { world = WorldAnonymizer().anonymize(world) }
        let comments = [
            "Exported by tenantsim export from \(source)\(anonymize ? ", anonymized" : "").",
            "Load it in a scenario (world: fixtures: [this-file.yaml]) or with tenantsim serve --fixture this-file.yaml.",
        ]
        let text = try FixtureWriter.yaml(world, comments: comments)
        if let output {
            try PrivateFiles.write(Data(text.utf8), to: output)
            FileHandle.standardError.write(Data("Wrote \(world.tenants.count) tenant(s) to \(output).\n".utf8))
        } else {
            print(text, terminator: "")
        }
    }
}
