import Foundation
import HTTPTransport
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOFoundationEssentialsCompat
import TenantModel

/// Sends requests straight into TenantSim's router: the same code a socket client hits, without
/// sockets or TLS. Requests should carry an absolute `authority` (e.g. `graph.microsoft.com`);
/// without one they are treated as local.
public struct InProcessTransport: HTTPTransport {
    let responder: TenantResponder
    let logger: Logger

    public func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        var head = request
        if head.authority == nil { head.authority = "localhost" }
        if let body { head.headerFields[.contentLength] = String(body.count) }
        let hbRequest = Request(head: head, body: RequestBody(buffer: ByteBuffer(bytes: body ?? Data())))
        // No channel: an EmbeddedChannel per request is never released (its pipeline and the
        // channel reference each other until closed) and may not be closed from another thread.
        let context = TenantRequestContext(logger: logger)
        let response = try await responder.respond(to: hbRequest, context: context)
        let collector = BodyCollector()
        try await response.body.write(collector)
        return (HTTPResponse(status: response.status, headerFields: response.headers), collector.data())
    }
}

/// Collects a response body in memory.
final class BodyCollector: ResponseBodyWriter, @unchecked Sendable {
    private var buffer = ByteBuffer()

    func write(_ buffer: ByteBuffer) async throws { self.buffer.writeImmutableBuffer(buffer) }
    func finish(_ trailingHeaders: HTTPFields?) async throws {}
    func data() -> Data { Data(buffer: buffer) }
}
