import Foundation
import HTTPTransport
import HTTPTypes
import OnboardingKit
import TenantAPI
import TenantEngine
import TenantModel
import TenantServer
import TenantSimTesting

/// One test's fake tenant and a way to reach it: the router in process, or a live HTTPS server.
struct Harness: Sendable {
    let api: TenantAPI
    let transport: any HTTPTransport
    let mode: String

    var engine: TenantEngine { api.engine }

    /// An onboarding client signed in as the Onboarding Automation app with client credentials.
    func client(retry: RetryPolicy = .standard, transport override: (any HTTPTransport)? = nil) -> OnboardingClient {
        let transport = override ?? self.transport
        let tokens = ClientCredentialsTokenProvider(
            transport: transport, tenant: OnboardingWorld.contoso, clientId: OnboardingWorld.onboardingApp, clientSecret: OnboardingWorld.secret)
        var endpoints = ServiceEndpoints.tenantSim
        endpoints.controlKey = api.controlKey.value
        return OnboardingClient(transport: transport, tokens: tokens, endpoints: endpoints, retry: retry)
    }

    /// The standard retry policy, waiting on the world's clock instead of the wall clock: each
    /// back-off advances TenantSim's clock, so a realistic world's delays pass at once.
    var worldClockRetry: RetryPolicy {
        let engine = self.engine
        return RetryPolicy(sleep: { duration in
            _ = try await engine.advanceClock(by: Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
        })
    }

    static func makeAPI(_ world: WorldSpec, consistency: ConsistencyProfile = .immediate) async throws -> TenantAPI {
        let engine = try await TenantEngine.inMemory()
        try await engine.loadWorld(world)
        try await engine.setConsistency(consistency)
        return TenantAPI(engine: engine)
    }

    /// A harness over the in-process transport only.
    static func inProcess(_ world: WorldSpec = OnboardingWorld.spec()) async throws -> Harness {
        let api = try await makeAPI(world)
        return Harness(api: api, transport: api.inProcessTransport(), mode: "in process")
    }
}

extension BothModes {
    /// Runs one test body against both transports (in process, then live HTTPS), each with a
    /// fresh `world`.
    static func run(
        _ world: WorldSpec = OnboardingWorld.spec(), consistency: ConsistencyProfile = .immediate, _ body: (Harness) async throws -> Void
    ) async throws {
        try await run(makeAPI: { try await Harness.makeAPI(world, consistency: consistency) }) { transport, api, mode in
            try await body(Harness(api: api, transport: transport, mode: mode.rawValue))
        }
    }
}

/// Counts requests per path prefix and can script answers, around another transport.
final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    let inner: (any HTTPTransport)?
    let lock = NSLock()
    private var requests: [HTTPRequest] = []
    private var scripted: [(HTTPResponse, Data)] = []

    init(inner: (any HTTPTransport)?, scripted: [(HTTPResponse, Data)] = []) {
        self.inner = inner
        self.scripted = scripted
    }

    var sent: [HTTPRequest] { lock.withLock { requests } }

    func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        let next: (HTTPResponse, Data)? = lock.withLock {
            requests.append(request)
            return scripted.isEmpty ? nil : scripted.removeFirst()
        }
        if let next { return next }
        guard let inner else { return (HTTPResponse(status: .ok), Data("{}".utf8)) }
        return try await inner.send(request, body: body)
    }
}

/// Records the waits a retry policy asks for instead of sleeping.
final class SleepRecorder: @unchecked Sendable {
    let lock = NSLock()
    private var waits: [Duration] = []

    var recorded: [Duration] { lock.withLock { waits } }

    var policy: RetryPolicy {
        RetryPolicy(sleep: { [self] duration in lock.withLock { waits.append(duration) } })
    }
}

/// A temporary file with `text`.
func temporaryFile(_ text: String, suffix: String = ".csv") throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("onboarding-\(UUID().uuidString)\(suffix)").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
}

/// A temporary path, not created.
func temporaryPath(_ suffix: String = ".csv") -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("onboarding-\(UUID().uuidString)\(suffix)").path
}
