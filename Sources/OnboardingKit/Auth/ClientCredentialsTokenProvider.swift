import Foundation
import HTTPTransport
import HTTPTypes

/// OAuth 2.0 client credentials against the Entra v2.0 token endpoint
/// (`https://<login host>/<tenant>/oauth2/v2.0/token`), through the same ``HTTPTransport`` as the
/// API calls. Tokens are cached per scope until shortly before they expire, and concurrent
/// requests for one scope share a single token request.
public actor ClientCredentialsTokenProvider: TokenProvider {
    let transport: any HTTPTransport
    let loginHost: String
    let tenant: String
    let clientId: String
    let clientSecret: String
    let now: @Sendable () -> Date
    /// Tokens are renewed this long before `expires_in` runs out.
    let renewalMargin: TimeInterval

    private var cache: [String: Entry] = [:]

    struct CachedToken: Sendable {
        let value: String
        let expires: Date
    }

    enum Entry {
        case pending(Task<CachedToken, any Error>)
        case ready(CachedToken)
    }

    /// - Parameters:
    ///   - transport: where the token request goes (in process, a TenantSim server, or Entra).
    ///   - loginHost: the authority host, e.g. `login.microsoftonline.com` or `login.microsoftonline.us`.
    ///   - tenant: the tenant id (or verified domain) the app signs in to.
    ///   - clientId: the app registration's client id.
    ///   - clientSecret: one of its client secrets.
    ///   - renewalMargin: how long before expiry a cached token is renewed.
    ///   - now: the clock that decides expiry (injectable for tests).
    public init(
        transport: any HTTPTransport, loginHost: String = "login.microsoftonline.com", tenant: String, clientId: String, clientSecret: String,
        renewalMargin: TimeInterval = 120, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.transport = transport
        self.loginHost = loginHost
        self.tenant = tenant
        self.clientId = clientId
        self.clientSecret = clientSecret
        self.renewalMargin = renewalMargin
        self.now = now
    }

    public func token(for scope: String) async throws -> String {
        switch cache[scope] {
        case .ready(let cached) where cached.expires > now(): return cached.value
        case .pending(let task): return try await task.value.value
        default: break
        }
        let task = Task { try await self.requestToken(scope: scope) }
        cache[scope] = .pending(task)
        do {
            let token = try await task.value
            cache[scope] = .ready(token)
            return token.value
        } catch {
            cache[scope] = nil
            throw error
        }
    }

    /// Forgets every cached token (e.g. after a 401).
    public func invalidate() { cache.removeAll() }

    private func requestToken(scope: String) async throws -> CachedToken {
        let form = [
            ("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", clientSecret), ("scope", scope),
        ].map { "\($0.0)=\(Self.formEncode($0.1))" }.joined(separator: "&")
        var request = HTTPRequest(method: .post, scheme: "https", authority: loginHost, path: "/\(tenant)/oauth2/v2.0/token")
        request.headerFields[.contentType] = "application/x-www-form-urlencoded"
        request.headerFields[.accept] = "application/json"
        let started = now()
        let (response, data) = try await transport.send(request, body: Data(form.utf8))
        let status = response.status.code
        guard status == 200 else {
            throw GraphError.parse(status: status, body: data, requestId: response.headerFields[HTTPField.Name("x-ms-request-id")!], retryAfter: nil)
        }
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        guard let token = object["access_token"] as? String else {
            throw GraphError(status: status, code: "InvalidResponse", message: "The token endpoint answered without an access_token.")
        }
        let lifetime = (object["expires_in"] as? Int) ?? Int(object["expires_in"] as? String ?? "") ?? 3599
        return CachedToken(value: token, expires: started.addingTimeInterval(max(0, TimeInterval(lifetime) - renewalMargin)))
    }

    static func formEncode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
