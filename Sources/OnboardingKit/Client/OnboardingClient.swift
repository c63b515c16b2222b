import Foundation
import HTTPTransport
import HTTPTypes

/// A typed client for the onboarding workflow: Microsoft Graph (invitations, users, licences,
/// groups, the authorization policy), the Power Platform admin API (tenant settings,
/// environments, addUser), the Dataverse Web API (system users and security roles), and
/// TenantSim's control API for the steps Microsoft has no API for (notify).
///
/// It works over any ``HTTPTransport``: TenantSim in process, a TenantSim server, or the real
/// cloud. It follows `@odata.nextLink`, retries 429/503/504 per its ``RetryPolicy`` and throws
/// ``GraphError`` for every error answer.
public struct OnboardingClient: Sendable {
    public let transport: any HTTPTransport
    public let tokens: any TokenProvider
    public let endpoints: ServiceEndpoints
    public let retry: RetryPolicy

    /// - Parameters:
    ///   - transport: where requests go.
    ///   - tokens: bearer tokens per scope (e.g. ``ClientCredentialsTokenProvider``).
    ///   - endpoints: the cloud's hosts; requests carry these real host names.
    ///   - retry: the retry policy for 429/503/504.
    public init(transport: any HTTPTransport, tokens: any TokenProvider, endpoints: ServiceEndpoints = .tenantSim, retry: RetryPolicy = .standard) {
        self.transport = transport
        self.tokens = tokens
        self.endpoints = endpoints
        self.retry = retry
    }

    /// One answer: status, headers, body.
    struct Reply: Sendable {
        let status: Int
        let headers: HTTPFields
        let data: Data
    }

    /// Sends one request, retrying 429/503/504, and throws ``GraphError`` for a non-2xx answer.
    /// `scope` names the bearer token to attach (`nil`: no Authorization header). With
    /// `waitForReplication` off, a "not found" answer is final at once (an existence check).
    func send(
        _ method: HTTPRequest.Method, authority: String, path: String, scope: String?, body: Data? = nil, headers: [(String, String)] = [],
        waitForReplication: Bool = true
    ) async throws -> Reply {
        var attempt = 0
        var replicationAttempt = 0
        while true {
            var request = HTTPRequest(method: method, scheme: "https", authority: authority, path: path)
            if let scope { request.headerFields[.authorization] = "Bearer \(try await tokens.token(for: scope))" }
            request.headerFields[.accept] = "application/json"
            if body != nil { request.headerFields[.contentType] = "application/json" }
            for (name, value) in headers { if let name = HTTPField.Name(name) { request.headerFields[name] = value } }
            if attempt > 0 { request.headerFields[HTTPField.Name("Retry-Attempt")!] = String(attempt) }
            let (response, data) = try await transport.send(request, body: body)
            let status = response.status.code
            let retryAfter = RetryPolicy.retryAfterSeconds(response.headerFields[.retryAfter])
            if (200..<300).contains(status) { return Reply(status: status, headers: response.headerFields, data: data) }
            if status == 404 && waitForReplication {
                replicationAttempt += 1
                let code = GraphError.parse(status: status, body: data, requestId: nil, retryAfter: nil).code
                if let delay = retry.delay(beforeReplicationRetry: replicationAttempt, status: status, code: code) {
                    try await retry.sleep(delay)
                    continue
                }
            }
            attempt += 1
            if let delay = retry.delay(beforeRetry: attempt, status: status, retryAfter: retryAfter) {
                try await retry.sleep(delay)
                continue
            }
            let requestId = response.headerFields[HTTPField.Name("request-id")!] ?? response.headerFields[HTTPField.Name("x-ms-request-id")!]
            throw GraphError.parse(status: status, body: data, requestId: requestId, retryAfter: retryAfter)
        }
    }

    /// Sends and decodes a JSON answer.
    func get<T: Decodable>(
        _ type: T.Type, authority: String, path: String, scope: String?, headers: [(String, String)] = [], waitForReplication: Bool = true
    ) async throws -> T {
        let reply = try await send(.get, authority: authority, path: path, scope: scope, headers: headers, waitForReplication: waitForReplication)
        return try Self.decode(type, reply)
    }

    /// Every item of an OData collection, following `@odata.nextLink` until it is absent.
    func collection<T: Decodable & Sendable>(
        _ type: T.Type, authority: String, path: String, scope: String, headers: [(String, String)] = []
    ) async throws -> [T] {
        var items: [T] = []
        try await forEachPage(type, authority: authority, path: path, scope: scope, headers: headers) { items += $0 }
        return items
    }

    /// Calls `body` with each page of an OData collection, following `@odata.nextLink`.
    func forEachPage<T: Decodable & Sendable>(
        _ type: T.Type, authority: String, path: String, scope: String, headers: [(String, String)] = [],
        _ body: ([T]) throws -> Void
    ) async throws {
        var next: (authority: String, path: String)? = (authority, path)
        var pages = 0
        while let (pageAuthority, pagePath) = next {
            let page = try await get(ODataPage<T>.self, authority: pageAuthority, path: pagePath, scope: scope, headers: headers)
            try body(page.value)
            pages += 1
            if let link = page.nextLink {
                guard let split = Self.split(link), pages < 100_000 else {
                    throw GraphError(status: 200, code: "InvalidResponse", message: "Can't follow @odata.nextLink '\(link)'.")
                }
                next = split
            } else {
                next = nil
            }
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ reply: Reply) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: reply.data)
        } catch {
            throw GraphError(
                status: reply.status, code: "InvalidResponse",
                message: "Couldn't read the answer as \(type): \(error). Body: \(String(decoding: reply.data.prefix(300), as: UTF8.self))")
        }
    }

    /// A JSON object body from typed values; `nil` values are left out, keys sorted.
    static func object(_ fields: [String: Any?]) throws -> Data {
        try JSONSerialization.data(withJSONObject: fields.compactMapValues { $0 }, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// `https://host:port/path?query` → (`host:port`, `/path?query`), without re-encoding.
    static func split(_ url: String) -> (authority: String, path: String)? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return (String(rest), "/") }
        let path = rest[slash...]
        return (String(rest[..<slash]), path.hasPrefix("?") ? "/" + path : String(path))
    }

    /// Percent-encodes a query: keys and values, keeping OData's `$`, `,`, `'`, `(`, `)` readable.
    static func query(_ pairs: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~$,'()*:@/")
        return pairs.map { key, value in
            "\(key.addingPercentEncoding(withAllowedCharacters: allowed) ?? key)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)"
        }.joined(separator: "&")
    }

    /// An OData string literal: single quotes doubled.
    static func literal(_ value: String) -> String { "'" + value.replacingOccurrences(of: "'", with: "''") + "'" }

    /// Percent-encodes one path segment.
    static func segment(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~@")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
