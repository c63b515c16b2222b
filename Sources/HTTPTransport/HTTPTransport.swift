import Foundation
import HTTPTypes

/// The one-method seam between a client and whatever answers HTTP: TenantSim's router in process,
/// a live TenantSim server, or the real Microsoft cloud. Modelled on swift-openapi-runtime's
/// `ClientTransport`.
public protocol HTTPTransport: Sendable {
    /// Sends `request` with an optional body and returns the response and its body.
    func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data)
}
