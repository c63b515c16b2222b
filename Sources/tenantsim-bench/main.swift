import Foundation
import HTTPTransport
import HTTPTypes
import OnboardingKit
import TenantAPI
import TenantEngine
import TenantModel
import TenantServer

/// Release-mode benchmarks. Build with `swift build -c release --product tenantsim-bench`, then:
///
///     tenantsim-bench core 10000 100000            # in-process core flow per guest (engine calls)
///     tenantsim-bench bulk-inprocess 10000 100000  # bulk invite from a CSV through the in-process transport
///     tenantsim-bench bulk-live 10000 100000       # bulk invite from a CSV over HTTPS to a live server
///
/// Bare sizes (`tenantsim-bench 10000`) run `core`. Each size reports its own peak memory (VmHWM,
/// reset between runs through /proc/self/clear_refs).
@main
struct Bench {
    static func main() async throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        let mode = arguments.first.flatMap { Int($0) == nil ? $0 : nil } ?? "core"
        if Int(arguments.first ?? "") == nil && !arguments.isEmpty { arguments.removeFirst() }
        let sizes = arguments.compactMap(Int.init)
        let chosen = sizes.isEmpty ? [10_000, 100_000] : sizes
        switch mode {
        case "core":
            print("TenantSim benchmark — in-process core flow per guest (4 transactions each), in-memory SQLite")
            print("guests      seconds   guests/s   ops/s      peak RSS (MiB)")
            for size in chosen {
                resetPeakMemory()
                let seconds = try await run(guests: size)
                let peak = Double(peakMemoryKiB()) / 1024
                print(
                    String(size).padding(toLength: 12, withPad: " ", startingAt: 0)
                        + String(format: "%-10.2f%-11.0f%-11.0f%.1f", seconds, Double(size) / seconds, Double(size * 4) / seconds, peak))
            }
        case "bulk-stub":
            print("TenantSim benchmark — bulk invite from the Entra CSV template (streamed) against a stub transport: OnboardingKit alone")
            print("rows        seconds   rows/s     peak RSS (MiB)")
            for size in chosen {
                let result = try await bulkInviteStub(rows: size)
                print(
                    String(size).padding(toLength: 12, withPad: " ", startingAt: 0)
                        + String(format: "%-10.2f%-11.0f%.1f", result.seconds, Double(size) / result.seconds, Double(result.peakKiB) / 1024))
            }
        case "bulk-inprocess", "bulk-live":
            let live = mode == "bulk-live"
            print(
                "TenantSim benchmark — bulk invite from the Entra CSV template (streamed), \(live ? "over HTTPS to a live server" : "in-process transport"), SQLite state file"
            )
            print("rows        seconds   rows/s     peak RSS (MiB)")
            for size in chosen {
                let result = try await bulkInvite(rows: size, live: live)
                print(
                    String(size).padding(toLength: 12, withPad: " ", startingAt: 0)
                        + String(format: "%-10.2f%-11.0f%.1f", result.seconds, Double(size) / result.seconds, Double(result.peakKiB) / 1024))
            }
        default:
            print("usage: tenantsim-bench [core | bulk-inprocess | bulk-live] [sizes…]")
            exit(2)
        }
    }

    static func run(guests: Int) async throws -> Double {
        let engine = try await TenantEngine.inMemory(environment: .standard)
        var contoso = TenantSpec(key: "contoso", displayName: "Contoso")
        contoso.users = [UserSpec(upn: "admin", roles: ["User Administrator"])]
        contoso.skus = [SkuSpec(partNumber: "POWERAPPS_PER_USER", units: guests)]
        let world = try await engine.loadWorld(WorldSpec(tenants: [contoso]))
        let tenant = world.tenants["contoso"]!
        let admin = Caller.portal(world.users["admin@contoso.onmicrosoft.com"]!, in: tenant)
        let sku = try await engine.sku("POWERAPPS_PER_USER", in: tenant)!.skuId
        let clock = ContinuousClock()
        let start = clock.now
        for index in 0..<guests {
            let request = InvitationRequest(
                invitedUserEmailAddress: "guest\(index)@partner.example", inviteRedirectUrl: "https://myapps.microsoft.com")
            let invited = try await engine.createInvitation(request, in: tenant, by: admin)
            _ = try await engine.redeemInvitation(invited.invitation.ticket)
            let id = invited.user.id.rawValue
            try await engine.updateUser(id, in: tenant, patch: UserPatch(usageLocation: "US"), by: admin)
            try await engine.assignLicense(to: id, in: tenant, add: [LicenseToAdd(skuId: sku)], remove: [], by: admin)
        }
        let elapsed = clock.now - start
        let consumed = try await engine.sku(sku, in: tenant)!.consumedUnits
        precondition(consumed == guests, "expected \(guests) licences, found \(consumed)")
        return seconds(elapsed)
    }

    static let tenantId = "6a1e3c9e-0b0f-4c2e-9d3b-7f1f2c3d4e50"
    static let appId = "3f6a9c2e-7b1d-4e8f-a5c3-9d2b4f6e8a10"
    static let secret = "bench-secret"

    /// Bulk-invites `rows` generated rows from a temporary CSV file with OnboardingKit, against a
    /// fresh file-backed fake tenant, in process or over a live HTTPS server.
    static func bulkInvite(rows: Int, live: Bool) async throws -> (seconds: Double, peakKiB: Int) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenantsim-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = directory + "/invite.csv"
        try writeTemplate(rows: rows, to: input)

        let engine = try await TenantEngine.onFile(at: directory + "/state.sqlite")
        var contoso = TenantSpec(key: "contoso", displayName: "Contoso")
        contoso.id = tenantId
        var app = AppSpec(name: "Onboarding Automation", appId: appId, secret: secret, permissions: ["User.Invite.All", "User.ReadWrite.All"])
        app.powerPlatformAdmin = true
        contoso.apps = [app]
        try await engine.loadWorld(WorldSpec(tenants: [contoso]))
        let api = TenantAPI(engine: engine)

        var server: RunningServer?
        let transport: any HTTPTransport
        if live {
            let authority = try LocalCertificateAuthority.prepare(in: directory + "/tls")
            let running = try await RunningServer.start(TenantHTTPServer(api: api, authority: authority, port: 0))
            server = running
            transport = try LiveHTTPTransport(caFile: authority.caFile, redirectTo: "127.0.0.1:\(running.port)")
        } else {
            transport = api.inProcessTransport()
        }
        let tokens = ClientCredentialsTokenProvider(transport: transport, tenant: tenantId, clientId: appId, clientSecret: secret)
        let inviter = BulkInviter(client: OnboardingClient(transport: transport, tokens: tokens))
        resetPeakMemory()
        let clock = ContinuousClock()
        let start = clock.now
        let summary = try await inviter.run(input: input, results: directory + "/results.csv") { progress in
            // A line every 10,000 rows, so long runs show their rate and memory as they go.
            guard progress.processed % 10_000 == 0 else { return }
            let elapsed = seconds(clock.now - start)
            let line = String(
                format: "  … %d rows, %.0f rows/s so far, peak RSS %.1f MiB\n", progress.processed, Double(progress.processed) / elapsed,
                Double(peakMemoryKiB()) / 1024)
            FileHandle.standardError.write(Data(line.utf8))
        }
        let peak = peakMemoryKiB()
        await server?.stop()
        precondition(summary.rows == rows && summary.invited == rows, "expected \(rows) invitations: \(summary.line)")
        return (summary.seconds, peak)
    }

    /// Bulk-invites against a transport that answers every request at once: the client side
    /// (CSV streaming, JSON, results file) without the fake tenant.
    static func bulkInviteStub(rows: Int) async throws -> (seconds: Double, peakKiB: Int) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenantsim-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = directory + "/invite.csv"
        try writeTemplate(rows: rows, to: input)
        let inviter = BulkInviter(client: OnboardingClient(transport: StubTransport(), tokens: StubTransport()))
        resetPeakMemory()
        let summary = try await inviter.run(input: input, results: directory + "/results.csv")
        let peak = peakMemoryKiB()
        precondition(summary.invited == rows, summary.line)
        return (summary.seconds, peak)
    }

    /// The Entra template with its example row and `rows` guests (messages quoted, with commas).
    static func writeTemplate(rows: Int, to path: String) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var text = """
            version:v1.0,,,
            Email address to invite [inviteeEmail] Required,Redirection url [inviteRedirectURL] Required,Send invitation message (true or false) [sendEmail],Customized invitation message [customizedMessageBody]
            Example:    someone@fabrikam.com,https://myapplications.microsoft.com,TRUE,Welcome to the Contoso organization!

            """
        for index in 0..<rows {
            text += "guest\(index)@partner\(index % 50).example,https://myapplications.microsoft.com,FALSE,\"Welcome, guest \(index), to Contoso\"\n"
            if text.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(text.utf8))
                text = ""
            }
        }
        try handle.write(contentsOf: Data(text.utf8))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Linux: resets the peak resident set size (VmHWM) so each size reports its own peak.
    static func resetPeakMemory() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    static func peakMemoryKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
}

/// Answers every request with a canned invitation (and is its own token provider).
struct StubTransport: HTTPTransport, TokenProvider {
    static let answer = Data(
        #"{"id":"00000000-0000-0000-0000-000000000001","inviteRedeemUrl":"https://login.microsoftonline.com/redeem?rd=x","status":"PendingAcceptance","invitedUser":{"id":"00000000-0000-0000-0000-000000000002"}}"#
            .utf8)

    func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        (HTTPResponse(status: .created), Self.answer)
    }

    func token(for scope: String) async throws -> String { "stub" }
}
