import AsyncHTTPClient
import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import NIOSSL

/// Sends requests over the network with AsyncHTTPClient: to the real Microsoft cloud, or to a
/// running TenantSim server.
///
/// With `redirectTo` set (e.g. `127.0.0.1:8443`), every request is sent there instead, its
/// original host moved into the path (`https://127.0.0.1:8443/graph.microsoft.com/v1.0/users`) —
/// TenantSim's path-prefixed fallback, so real host names work without hosts-file entries.
public final class LiveHTTPTransport: HTTPTransport {
    let client: HTTPClient
    let redirectTo: String?
    let timeout: TimeAmount

    /// - Parameters:
    ///   - caFile: a PEM file of extra trusted CAs (TenantSim's CA); the system roots are kept too.
    ///   - redirectTo: `host:port` of a TenantSim server to send everything to.
    public init(caFile: String? = nil, redirectTo: String? = nil, timeout: Duration = .seconds(60)) throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caFile {
            tls.additionalTrustRoots = [.certificates(try NIOSSLCertificate.fromPEMFile(caFile))]
        }
        var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
        configuration.decompression = .enabled(limit: .none)
        // The caller sees the server's own answer, a redirect included, as the in-process transport shows it.
        configuration.redirectConfiguration = .disallow
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.redirectTo = redirectTo
        self.timeout = .seconds(timeout.components.seconds)
    }

    deinit {
        try? client.syncShutdown()
    }

    /// The URL a request goes to.
    public func url(for request: HTTPRequest) -> String {
        let authority = request.authority ?? "localhost"
        let path = request.path ?? "/"
        if let redirectTo {
            let host = authority.split(separator: ":").first.map(String.init) ?? ""
            let local = ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host)
            return "https://\(redirectTo)" + (local ? "" : "/\(host)") + path
        }
        return "\(request.scheme ?? "https")://\(authority)\(path)"
    }

    public func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        var outgoing = HTTPClientRequest(url: url(for: request))
        outgoing.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        for field in request.headerFields { outgoing.headers.add(name: field.name.rawName, value: field.value) }
        if let body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await client.execute(outgoing, timeout: timeout)
        let collected = try await response.body.collect(upTo: 64 << 20)
        var fields = HTTPFields()
        for header in response.headers {
            if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
        }
        return (HTTPResponse(status: .init(code: Int(response.status.code)), headerFields: fields), Data(collected.readableBytesView))
    }
}
