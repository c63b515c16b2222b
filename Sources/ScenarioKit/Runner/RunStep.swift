import Foundation
import Logging
import TenantAPI
import TenantEngine
import TenantModel
import TenantRules
import TenantServer

/// A `run:` step: starts the HTTPS server for the scenario's world, runs an external command with
/// environment variables pointing at it, captures its output and exit code, and reports the
/// permissions the command's calls needed against those its token held.
struct RunStep {
    let session: ScenarioSession
    let step: Step
    let arguments: RunAction.Arguments

    /// What a command gets: Graph, authority, tenant, app credentials, CA bundle, admin API,
    /// Dataverse and control URLs.
    static func environment(
        base: String, tenant: Tenant, app: AppRegistration?, secret: String?, dataverse: PowerPlatformEnvironment?,
        authority: LocalCertificateAuthority,
        controlKey: ControlKey
    ) -> [String: String] {
        var variables = [
            "TENANTSIM_GRAPH_URL": "\(base)/v1.0",
            "TENANTSIM_AUTHORITY_HOST": base,
            "AZURE_AUTHORITY_HOST": base,
            "TENANTSIM_TENANT_ID": tenant.id.rawValue,
            "TENANTSIM_CA_FILE": authority.caFile,
            "TENANTSIM_CA_BUNDLE": authority.bundleFile,
            "REQUESTS_CA_BUNDLE": authority.bundleFile,
            "SSL_CERT_FILE": authority.bundleFile,
            "TENANTSIM_ADMIN_API_URL": "\(base)/\(tenant.cloud.adminAPIHost)",
            "TENANTSIM_ADMIN_API_SCOPE": tenant.cloud.powerAppsAudience + "/.default",
            "TENANTSIM_CONTROL_URL": "\(base)/_tenantsim",
            "TENANTSIM_POWER_PLATFORM_API_URL": "\(base)/\(tenant.cloud.powerPlatformAPIHost)",
            ControlKey.environmentVariable: controlKey.value,
        ]
        if let app {
            variables["TENANTSIM_CLIENT_ID"] = app.appId.rawValue
            variables["AZURE_CLIENT_ID"] = app.appId.rawValue
            variables["AZURE_TENANT_ID"] = tenant.id.rawValue
        }
        if let secret {
            variables["TENANTSIM_CLIENT_SECRET"] = secret
            variables["AZURE_CLIENT_SECRET"] = secret
        }
        if let dataverse, let host = dataverse.instanceHost, let url = dataverse.instanceURL {
            variables["TENANTSIM_DATAVERSE_URL"] = "\(base)/\(host)"
            variables["TENANTSIM_DATAVERSE_SCOPE"] = url + "/.default"
            variables["TENANTSIM_ENVIRONMENT_ID"] = dataverse.id.rawValue
            variables["TENANTSIM_ENVIRONMENT_URL"] = url
        }
        return variables
    }

    func perform() async throws -> (StepOutcome, String, [String]) {
        let command = arguments.command
        let authority = try LocalCertificateAuthority.prepare(in: session.workDirectory + "/tls")
        var logger = Logger(label: "tenantsim.scenario.server")
        logger.logLevel = .warning
        let server = try await RunningServer.start(TenantHTTPServer(api: session.api, authority: authority, port: 0, logger: logger))
        do {
            return try await perform(command: command, server: server, authority: authority)
        } catch {
            await server.stop()
            throw error
        }
    }

    func perform(command: String, server: RunningServer, authority: LocalCertificateAuthority) async throws -> (StepOutcome, String, [String]) {
        let (tenant, app) = try await target()
        let secret = try await app.asyncFlatMap { try await session.engine.secrets(of: $0.appId).first?.secretText }
        let dataverse = try await dataverseEnvironment(tenant: tenant)
        var variables = ProcessInfo.processInfo.environment
        for (key, value) in Self.environment(
            base: server.baseURL, tenant: tenant, app: app, secret: secret, dataverse: dataverse, authority: authority,
            controlKey: session.api.controlKey)
        {
            variables[key] = value
        }
        if case .object(let extra)? = arguments.env {
            for (key, value) in extra { variables[key] = value.stringValue ?? "" }
        }
        variables["PATH"] = RequirementCheck.searchPath(variables["PATH"])
        if let binary = Self.tenantsimBinary() { variables["TENANTSIM"] = binary }
        let timeout = arguments.timeout.flatMap(Durations.seconds) ?? 300
        let journalBefore = try await session.engine.journal().last?.sequence ?? 0
        session.api.requestLog.start()
        let (code, output, timedOut) = try await Self.execute(
            command, environment: variables, timeout: timeout, directory: session.workDirectory)
        let calls = session.api.requestLog.stop()
        await server.stop()
        // The port and the work folder change from run to run; reports must not.
        let stable = output.replacingOccurrences(of: server.baseURL, with: "https://127.0.0.1:<port>")
            .replacingOccurrences(of: session.workDirectory, with: "<work>")
            .replacingOccurrences(of: session.api.controlKey.value, with: "<control key>")
        var details = Self.tail(stable, lines: 25).map { "│ \($0)" }
        details += try await denials(after: journalBefore)
        details += PrivilegeAdvice(calls: calls).lines
        let summary = "run `\(command)` against the TenantSim server"
        if timedOut { return (.failed(reason: "timed out after \(Int(timeout)) s; the command and its children were killed"), summary, details) }
        if let reason = Self.couldNotRun(code: code, output: stable) {
            return (.failed(reason: "the script could not run: \(reason)"), summary, details)
        }
        let findings = try await SetupCheck(engine: session.engine).findings(after: journalBefore, in: tenant)
        for finding in findings {
            details.append("⚠ \(finding.line)")
            if let explanation = finding.explanation { details.append("  \(explanation)") }
        }
        var seen: Set<String> = []
        return (.exited(code: code, blocked: findings.map(\.rule).filter { seen.insert($0).inserted }), summary, details)
    }

    /// Why a command never really ran — the shell couldn't find or execute it, or the interpreter
    /// died before the script's own logic (a missing module, a syntax error) — or `nil`.
    static func couldNotRun(code: Int32, output: String) -> String? {
        let lines = output.split(separator: "\n").map(String.init)
        if code == 126 || code == 127 {
            return lines.last { $0.contains("not found") || $0.contains("Permission denied") || $0.contains("No such file") }
                ?? "exit code \(code) (command not found or not executable)"
        }
        let markers = ["ModuleNotFoundError:", "ImportError:", "SyntaxError:", "IndentationError:", "can't open file"]
        if code != 0, let line = lines.last(where: { line in markers.contains { line.contains($0) } }) { return line }
        return nil
    }

    /// The `tenantsim` executable, handed to commands as `TENANTSIM`: this process when it is
    /// `tenantsim`, else the checkout's debug or release build.
    static func tenantsimBinary() -> String? {
        let own = URL(fileURLWithPath: CommandLine.arguments.first ?? "").standardizedFileURL.path
        if URL(fileURLWithPath: own).lastPathComponent == "tenantsim", FileManager.default.isExecutableFile(atPath: own) { return own }
        let cwd = FileManager.default.currentDirectoryPath
        return [".build/debug/tenantsim", ".build/release/tenantsim"].map { cwd + "/" + $0 }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// The rules that denied the command's calls, with each rule's explanation: the teaching
    /// moments of a script run.
    func denials(after sequence: Int64) async throws -> [String] {
        var counts: [String: Int] = [:]
        for entry in try await session.engine.journal(after: sequence) where entry.outcome == .denied {
            for rule in entry.ruleIds { counts[rule, default: 0] += 1 }
        }
        return counts.keys.sorted().flatMap { rule -> [String] in
            let times = counts[rule]! == 1 ? "" : " ×\(counts[rule]!)"
            var lines = ["the command's calls were denied by `\(rule)`\(times)"]
            if let meta = RuleCatalog.find(rule) { lines.append("  \(meta.explanation)") }
            return lines
        }
    }

    /// The tenant and app the command acts for: `app:` argument, else the actor's, else the first
    /// app of the first tenant that has one.
    func target() async throws -> (Tenant, AppRegistration?) {
        if let name = arguments.app ?? step.actor,
            case .app(let app, let tenant) = try await session.actor(name.hasPrefix("app:") ? name : "app:\(name)")
        {
            return (tenant, app)
        }
        for tenant in try await session.engine.tenants() {
            if let app = try await session.engine.apps(in: tenant.id).first { return (tenant, app) }
        }
        guard let tenant = try await session.engine.tenants().first else { throw ScenarioFailure("the world has no tenant") }
        return (tenant, nil)
    }

    func dataverseEnvironment(tenant: Tenant) async throws -> PowerPlatformEnvironment? {
        if let key = arguments.environment { return try await session.environment(key) }
        return try await session.engine.environments(in: tenant.id).first { $0.hasDataverse }
    }

    /// Runs `command` with `/bin/sh -c` in a process group of its own, output
    /// (stdout and stderr) to a file so large outputs can't block the child. After `timeout`
    /// seconds the whole group — the shell and every child it started — is killed.
    static func execute(
        _ command: String, environment: [String: String], timeout: TimeInterval, directory: String
    ) async throws -> (code: Int32, output: String, timedOut: Bool) {
        let outputPath = directory + "/run-\(UUID().uuidString).log"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let killed = KillFlag()
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        process.standardOutput = handle
        process.standardError = handle
        let code: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: ScenarioFailure("could not start `\(command)`: \(error)"))
                return
            }
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                guard kill(pid, 0) == 0 else { return }
                killed.set()
                // Foundation starts the shell as the leader of a process group of its own, which
                // the command's children join: killing the group kills them all.
                kill(-pid, SIGKILL)
                kill(pid, SIGKILL)
            }
        }
        try handle.close()
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: outputPath)
        return (code, output, killed.value)
    }

    static func tail(_ text: String, lines count: Int) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
        return Array(lines.suffix(count))
    }
}
