import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import TenantAPI
import TenantEngine

/// Binds TenantSim's router to a socket: HTTPS with the local CA's server certificate, Host-based
/// cloud routing (real host names work when mapped to 127.0.0.1; a `/<host>/…` prefix works without),
/// graceful shutdown on SIGINT/SIGTERM.
public struct TenantHTTPServer: Sendable {
    public let api: TenantAPI
    public let authority: LocalCertificateAuthority
    public let host: String
    public let port: Int
    public let logger: Logger

    public init(api: TenantAPI, authority: LocalCertificateAuthority, host: String = "127.0.0.1", port: Int = 8443, logger: Logger = Logger(label: "tenantsim.server")) {
        self.api = api
        self.authority = authority
        self.host = host
        self.port = port
        self.logger = logger
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
        let tls = try tlsConfiguration()
        return Application(
            responder: api.responder(), server: try .tls(.http1(), tlsConfiguration: tls),
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
