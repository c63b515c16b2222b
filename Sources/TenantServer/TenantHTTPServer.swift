import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import TenantAPI
import TenantEngine
import UnixSignals

/// Binds TenantSim's router to a socket: HTTPS with the local CA's server certificate, Host-based
/// cloud routing (real host names work when mapped to 127.0.0.1; a `/<host>/…` prefix works without),
/// bounded connections (``ConnectionLimits``), graceful shutdown on SIGINT/SIGTERM.
public struct TenantHTTPServer: Sendable {
    public let api: TenantAPI
    public let authority: LocalCertificateAuthority
    public let host: String
    public let port: Int
    public let logger: Logger
    public let limits: ConnectionLimits
    /// One line per request (`serve`'s request log), or none.
    public let accessLog: AccessLog?

    public init(
        api: TenantAPI, authority: LocalCertificateAuthority, host: String = "127.0.0.1", port: Int = 8443,
        logger: Logger = Logger(label: "tenantsim.server"), limits: ConnectionLimits = .standard, accessLog: AccessLog? = nil
    ) {
        self.accessLog = accessLog
        self.api = api
        self.authority = authority
        self.host = host
        self.port = port
        self.logger = logger
        self.limits = limits
    }

    /// Whether `host` is a loopback address or name (binding anywhere else exposes the server).
    public static func isLoopback(_ host: String) -> Bool {
        let name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return name == "localhost" || name == "::1" || name.hasPrefix("127.")
    }

    func tlsConfiguration() throws -> TLSConfiguration {
        let chain = try NIOSSLCertificate.fromPEMFile(authority.certificateFile)
        let key = try NIOSSLPrivateKey(file: authority.keyFile, format: .pem)
        var tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        tls.applicationProtocols = ["http/1.1"]
        return tls
    }

    /// Builds the Hummingbird application; `onRunning` receives the bound port.
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
        let sslContext = try NIOSSLContext(configuration: try tlsConfiguration())
        let limits = self.limits
        let counter = ConnectionCounter(maximum: limits.maximumConnections)
        let decoder = HTTP1Channel.Configuration.DecoderConfiguration(
            maxHeaderFieldSize: limits.parserHeaderBytes, maxHeaderListSize: limits.parserHeaderBytes, maxHeaderFieldCount: 500)
        let server = HTTPServerBuilder { responder in
            GuardedTLSChannel(
                base: HTTP1Channel(responder: responder, configuration: .init(idleTimeout: limits.idleTimeout, httpDecoderConfiguration: decoder)),
                sslContext: sslContext, limits: limits, counter: counter)
        }
        return Application(
            responder: api.responder(hostPolicy: HostPolicy(names: [host]), log: accessLog), server: server,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "TenantSim"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) }, logger: logger)
    }

    /// Runs until SIGINT or SIGTERM, then shuts down cleanly.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        do {
            try await application(onRunning: onRunning).runService(gracefulShutdownSignals: [.sigint, .sigterm])
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw PortInUse(host: host, port: port)
        }
    }

    /// The address to bind is taken by another process.
    public struct PortInUse: Error, CustomStringConvertible {
        public let host: String
        public let port: Int
        public var description: String {
            "\(host):\(port) is already in use; stop what listens there or pick another port (--port 0 picks a free one)."
        }
    }
}
