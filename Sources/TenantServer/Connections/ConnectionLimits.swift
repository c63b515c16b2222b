import NIOCore
import TenantModel

/// How the server bounds its connections: a cap on how many are open at once, how long a client
/// may take to finish the TLS handshake, how long a connection may sit idle, and how large a
/// request's header section may be before the parser refuses it.
public struct ConnectionLimits: Sendable {
    /// Connections open at once; beyond it new connections are closed at once, existing ones go on.
    public var maximumConnections: Int
    /// Time to complete the TLS handshake.
    public var handshakeTimeout: TimeAmount
    /// Time a connection may go without a request.
    public var idleTimeout: TimeAmount
    /// Header bytes the HTTP parser accepts (a larger header section is answered 431 and closed).
    /// The responder refuses smaller ones above `TenantResponder.maximumHeaderBytes` in each
    /// surface's own error shape.
    public var parserHeaderBytes: Int

    public init(
        maximumConnections: Int = 512, handshakeTimeout: TimeAmount = .seconds(10), idleTimeout: TimeAmount = .seconds(60),
        parserHeaderBytes: Int = 64 * 1024
    ) {
        self.maximumConnections = maximumConnections
        self.handshakeTimeout = handshakeTimeout
        self.idleTimeout = idleTimeout
        self.parserHeaderBytes = parserHeaderBytes
    }

    /// The limits `serve` runs with.
    public static let standard = ConnectionLimits()
}
