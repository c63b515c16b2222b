import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// A bare connection to a live server, for what an HTTP client library won't do: stay idle, skip
/// the TLS handshake, send a foreign `Host` or an oversized header section.
final class RawConnection: Sendable {
    let channel: any Channel
    private let collector: Collector

    /// Collects what the server sends, and notices when it closes.
    final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let received = NIOLockedValueBox(Data())
        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let buffer = unwrapInboundIn(data)
            received.withLockedValue { $0.append(contentsOf: buffer.readableBytesView) }
        }
        func errorCaught(context: ChannelHandlerContext, error: any Error) { context.close(promise: nil) }
    }

    private init(channel: any Channel, collector: Collector) {
        self.channel = channel
        self.collector = collector
    }

    /// Connects to `127.0.0.1:port`; with `caFile`, over TLS (the handshake is started at once).
    static func open(port: Int, caFile: String?) async throws -> RawConnection {
        let collector = Collector()
        let context = try caFile.map { file -> NIOSSLContext in
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(file))
            return try NIOSSLContext(configuration: tls)
        }
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let context {
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: context, serverHostname: "localhost"))
                    }
                    try channel.pipeline.syncOperations.addHandler(collector)
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        return RawConnection(channel: channel, collector: collector)
    }

    func send(_ text: String) async throws {
        var buffer = channel.allocator.buffer(capacity: text.utf8.count)
        buffer.writeString(text)
        try await channel.writeAndFlush(buffer).get()
    }

    /// Waits up to `seconds` for the server to close; `true` if it did, `false` if the wait ran out
    /// (the connection is then closed from this side).
    func closedByServer(within seconds: Double) async throws -> Bool {
        let timedOut = NIOLockedValueBox(false)
        let channel = self.channel
        let timer = channel.eventLoop.scheduleTask(in: .milliseconds(Int64(seconds * 1000))) {
            timedOut.withLockedValue { $0 = true }
            channel.close(promise: nil)
        }
        try? await channel.closeFuture.get()
        timer.cancel()
        return !timedOut.withLockedValue { $0 }
    }

    var isOpen: Bool { channel.isActive }

    var text: String { String(decoding: collector.received.withLockedValue { $0 }, as: UTF8.self) }

    func close() async { try? await channel.close() }
}
