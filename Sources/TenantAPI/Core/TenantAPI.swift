import Foundation
import HTTPTypes
import Hummingbird
import Logging
import TenantEngine
import TenantModel
import TenantRules

/// TenantSim's wire surface as one router with no sockets: Microsoft Graph v1.0, the Entra token
/// endpoints, the Power Platform admin API, the Dataverse Web API and the `/_tenantsim/` control
/// API. The live server (TenantServer) and the in-process transport both use ``responder()``.
public final class TenantAPI: Sendable {
    public let engine: TenantEngine
    public let tokens: TokenService
    public let faults = FaultInjector()
    /// Calls recorded for least-privilege advice (off unless started).
    public let requestLog = RequestLog()
    let requestIDs: RequestIDs
    /// Scheme of the base URLs handed back to clients (`@odata.nextLink`, token endpoints).
    public let scheme: String
    public let logger: Logger
    /// Loads a world from a fixture file by name (YAML lives outside this target). `nil` when the
    /// host program doesn't provide fixtures.
    public let fixtureLoader: (@Sendable (String) async throws -> WorldSpec)?
    /// The lessons' worlds, for the console's "load a lesson's world" (empty when the host has none).
    public let lessonWorlds: @Sendable () -> [LessonWorld]
    /// The key every `/_tenantsim/` request must carry.
    public let controlKey: ControlKey
    /// Where the key is kept (named in the 401 of a request without it); `nil` when it lives only
    /// in this process (scenario runs, tests).
    public let controlKeyFile: String?
    /// The web console's session cookie value, made for this process (the control key signs in).
    let consoleSession = ControlKey.random().value
    /// The most body bytes one `$batch` answers with (4 MiB by default).
    public let batchAnswerLimit: Int

    public init(
        engine: TenantEngine, scheme: String = "https", logger: Logger = Logger(label: "tenantsim.api"),
        fixtureLoader: (@Sendable (String) async throws -> WorldSpec)? = nil, controlKey: ControlKey = .random(), controlKeyFile: String? = nil,
        batchAnswerLimit: Int = 4 * 1024 * 1024, lessonWorlds: @escaping @Sendable () -> [LessonWorld] = { [] }
    ) {
        self.lessonWorlds = lessonWorlds
        self.batchAnswerLimit = batchAnswerLimit
        self.controlKey = controlKey
        self.controlKeyFile = controlKeyFile
        self.engine = engine
        self.tokens = TokenService(engine: engine)
        self.requestIDs = RequestIDs(seed: engine.environment.seed)
        self.scheme = scheme
        self.logger = logger
        self.fixtureLoader = fixtureLoader
    }

    /// Every emulated endpoint, for docs/COVERAGE.md and the 501 of everything else.
    public var endpoints: [Endpoint] { Self.routeTable(api: self).endpoints }

    /// The responder that serves every surface (see ``TenantResponder``), writing one line per
    /// request to `log` when there is one.
    public func responder(hostPolicy: HostPolicy = HostPolicy(), log: AccessLog? = nil) -> TenantResponder {
        let table = Self.routeTable(api: self)
        return TenantResponder(
            api: self, router: table.router().buildResponder(), graphPaths: GraphPathNormalizer(endpoints: table.endpoints), hostPolicy: hostPolicy,
            log: log)
    }

    /// A transport that sends requests straight into ``responder()``, without sockets.
    public func inProcessTransport() -> InProcessTransport { InProcessTransport(responder: responder(), logger: logger) }

    static func routeTable(api: TenantAPI) -> RouteTable {
        let table = RouteTable(api: api)
        IdentityRoutes.register(on: table)
        GraphRoutes.register(on: table)
        AdminAPIRoutes.register(on: table)
        PowerPlatformAPIRoutes.register(on: table)
        DataverseRoutes.register(on: table)
        ARMRoutes.register(on: table)
        ControlRoutes.register(on: table)
        ConsoleRoutes.register(on: table)
        return table
    }

    func nextRequestID() -> String { requestIDs.next() }

    /// Back to the fixtures as first loaded, with no pending faults (control API and console).
    func resetWorld() async throws {
        try await engine.reset()
        faults.clear()
    }
}
