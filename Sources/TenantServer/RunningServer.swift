import Foundation
import Hummingbird
import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle
import TenantAPI

/// A server started in the background (scenario `run:` steps, tests): knows its port, stops on
/// ``stop()``.
public final class RunningServer: Sendable {
    public let port: Int
    public let host: String
    public let authority: LocalCertificateAuthority
    let task: Task<Void, any Error>
    let group: ServiceGroup

    /// `https://127.0.0.1:<port>`.
    public var baseURL: String { "https://\(host):\(port)" }

    init(port: Int, host: String, authority: LocalCertificateAuthority, task: Task<Void, any Error>, group: ServiceGroup) {
        self.port = port
        self.host = host
        self.authority = authority
        self.task = task
        self.group = group
    }

    /// Starts `server` (use port 0 for a free port) and returns once it accepts connections.
    public static func start(_ server: TenantHTTPServer) async throws -> RunningServer {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let application = try server.application { port in continuation.yield(port) }
        let group = ServiceGroup(services: [application], logger: server.logger)
        let task = Task { try await group.run() }
        var port = 0
        for await bound in stream {
            port = bound
            break
        }
        continuation.finish()
        guard port > 0 else {
            task.cancel()
            throw CancellationError()
        }
        return RunningServer(port: port, host: server.host, authority: server.authority, task: task, group: group)
    }

    /// Stops the server (graceful shutdown: in-flight requests finish) and waits for it.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
    }
}
