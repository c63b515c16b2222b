import ArgumentParser
import Foundation
import Logging
import ScenarioKit
import TenantAPI
import TenantEngine
import TenantModel
import TenantServer

/// `tenantsim serve`: the HTTPS server.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve Microsoft Graph, Entra token endpoints, the Power Platform admin API and Dataverse over HTTPS.")

    @Option(help: "State file (SQLite, WAL). Created with the fixtures when missing.")
    var state: String = ".tenantsim/state.sqlite"

    @Option(help: "Address to bind. Anything but loopback (127.0.0.1, ::1, localhost) also needs --allow-remote.")
    var host: String = "127.0.0.1"

    @Flag(help: "Allow a non-loopback --host. Other machines can then reach the server; the control key is its only protection.")
    var allowRemote = false

    @Option(help: "Port to bind (0 picks a free one).")
    var port: Int = 8443

    @Option(
        name: .customLong("fixture"),
        help: "Fixture to load into a new state (repeatable). Default: contoso, fabrikam, gcc, gcchigh, china, personal-accounts.")
    var fixtures: [String] = []

    @Option(help: "Seed for identifiers of a new state.")
    var seed: UInt64 = 1

    @Option(
        help: ArgumentHelp(
            "Pin a manual clock at this instant (ISO 8601, e.g. 2025-01-01T00:00:00Z) for reproducible runs. Default: the wall clock, so tokens validate against real time.",
            valueName: "instant"))
    var clock: String?

    @Option(
        help: ArgumentHelp(
            "How quickly changes become visible: immediate (every change at once) or realistic (new guests and groups replicate for 2–60 s, Dataverse adds synced users after 1–10 min, seeded). Kept in the state.",
            valueName: "profile"))
    var consistency: String?

    @Flag(help: "Don't print the request log (one line per request: method, host and path, status, deciding rule, milliseconds).")
    var quiet = false

    @Option(help: ArgumentHelp("The request log's format: text, or json (one JSON object per line).", valueName: "format"))
    var logFormat: String = "text"

    /// Accepted for old scripts: the wall clock is now the default.
    @Flag(help: .hidden)
    var systemClock = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port is 0 (any free port) to 65535, not \(port).") }
        if !TenantHTTPServer.isLoopback(host) && !allowRemote {
            throw ValidationError(
                "--host \(host) is not a loopback address: other machines could reach the server. Add --allow-remote to bind it anyway (the control key is then the only protection), or use 127.0.0.1."
            )
        }
        if let consistency, ConsistencyProfile(rawValue: consistency) == nil {
            throw ValidationError(
                "--consistency is one of \(ConsistencyProfile.allCases.map(\.rawValue).joined(separator: ", ")), not '\(consistency)'.")
        }
        if AccessLog.Format(rawValue: logFormat) == nil {
            throw ValidationError("--log-format is text or json, not '\(logFormat)'.")
        }
        if let clock, ISO8601.date(clock) == nil {
            throw ValidationError("--clock needs an ISO 8601 instant such as 2025-01-01T00:00:00Z, not '\(clock)'.")
        }
    }

    func run() async throws {
        let pinned: TenantEnvironment.Clock = clock.flatMap(ISO8601.date).map { .manual(start: $0) } ?? .system
        let (engine, created) = try await StateFile.open(state, fixtures: fixtures, seed: seed, clock: pinned)
        if let profile = consistency.flatMap(ConsistencyProfile.init(rawValue:)) { try await engine.setConsistency(profile) }
        if !created && (!fixtures.isEmpty || seed != 1) {
            FileHandle.standardError.write(
                Data(
                    "Warning: \(state) exists, so --fixture and --seed were ignored (they shape a new state). Remove it, or pass another --state, to start over.\n"
                        .utf8))
        }
        let library = FixtureLibrary.standard
        var logger = Logger(label: "tenantsim")
        logger.logLevel = .warning
        let keyFile = URL(fileURLWithPath: ControlKey.file(forState: state)).standardizedFileURL.path
        let controlKey = try StateFile.controlKey(for: state)
        let api = TenantAPI(
            engine: engine, logger: logger, fixtureLoader: { name in try library.load(name) }, controlKey: controlKey, controlKeyFile: keyFile,
            lessonWorlds: { LessonWorlds.cached })
        // Absolute, so the banner's `export REQUESTS_CA_BUNDLE=…` works from any directory.
        let authority = try LocalCertificateAuthority.prepare(in: URL(fileURLWithPath: state).standardizedFileURL.path + ".tls")
        let accessLog =
            quiet
            ? nil
            : AccessLog(format: AccessLog.Format(rawValue: logFormat) ?? .text) { line in FileHandle.standardOutput.write(Data(line.utf8)) }
        let server = TenantHTTPServer(api: api, authority: authority, host: host, port: port, logger: logger, accessLog: accessLog)
        if !TenantHTTPServer.isLoopback(host) {
            FileHandle.standardError.write(
                Data(
                    "Warning: listening on \(host), beyond this machine. Anyone who can reach it can call Graph with tokens it issues from the fixtures' client secrets; the control API is protected only by the control key in \(keyFile).\n"
                        .utf8))
        }
        let banner = try await ServerBanner(engine: engine, authority: authority, host: host, controlKey: controlKey, controlKeyFile: keyFile)
        do {
            try await server.run { port in
                FileHandle.standardOutput.write(Data((banner.text(port: port) + "\n").utf8))
            }
        } catch let error as TenantHTTPServer.PortInUse {
            FileHandle.standardError.write(Data("Error: \(error.description)\n".utf8))
            throw ExitCode(TenantSimCommand.configurationError)
        }
        FileHandle.standardError.write(Data("TenantSim stopped; the state is in \(state).\n".utf8))
    }
}
