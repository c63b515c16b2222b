import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL

/// The server's child channel: TLS in front of Hummingbird's HTTP/1 channel, with the bounds of
/// ``ConnectionLimits`` — a cap on open connections (new ones beyond it are closed at once, open
/// ones go on), a TLS handshake timeout, and parser errors answered in Graph's error shape.
struct GuardedTLSChannel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let base: HTTP1Channel
    let sslContext: NIOSSLContext
    let limits: ConnectionLimits
    let counter: ConnectionCounter

    /// Refused because every connection place is taken.
    struct TooManyConnections: Error {}

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        guard counter.acquire() else {
            logger.warning("refusing a connection: \(counter.maximum) are open already")
            channel.close(promise: nil)
            return channel.eventLoop.makeFailedFuture(TooManyConnections())
        }
        let counter = self.counter
        channel.closeFuture.whenComplete { _ in counter.release() }
        let sslContext = self.sslContext
        let limits = self.limits
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: sslContext))
            try channel.pipeline.syncOperations.addHandler(HandshakeTimeoutHandler(timeout: limits.handshakeTimeout))
        }.flatMap {
            base.setup(channel: channel, logger: logger)
        }.flatMapThrowing { value in
            // Right after the HTTP/1 decoder, so its errors reach this handler before Hummingbird's.
            let decoder = try channel.pipeline.syncOperations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try channel.pipeline.syncOperations.addHandler(ParserErrorResponder(headerLimit: limits.parserHeaderBytes), position: .after(decoder))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}
