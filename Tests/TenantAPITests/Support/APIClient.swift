import Foundation
import HTTPTransport
import HTTPTypes
import TenantAPI
import TenantEngine
import TenantModel
import TenantServer
import TenantSimTesting
import Testing

/// A thin client over any ``HTTPTransport``, addressing Microsoft's real host names — so one test
/// body runs in process and against the live server (moto's two modes).
struct APIClient: Sendable {
    let transport: any HTTPTransport
    /// The server's control key, sent on `/_tenantsim/` paths (unless a test sends its own).
    var controlKey: String?

    typealias Reply = TestReply

    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ host: String, _ path: String, token: String? = nil, json: Any? = nil, body: Data? = nil,
        headers: [String: String] = [:]
    ) async throws -> Reply {
        var request = HTTPRequest(method: method, scheme: "https", authority: host, path: path)
        if let token { request.headerFields[.authorization] = "Bearer \(token)" }
        if path.hasPrefix("/_tenantsim"), let controlKey, headers[ControlKey.header] == nil {
            request.headerFields[HTTPField.Name(ControlKey.header)!] = controlKey
        }
        for (name, value) in headers { request.headerFields[HTTPField.Name(name)!] = value }
        var payload = body
        if let json {
            payload = try JSONSerialization.data(withJSONObject: json)
            request.headerFields[.contentType] = "application/json"
        }
        let (response, data) = try await transport.send(request, body: payload)
        return Reply(status: response.status.code, headers: response.headerFields, data: data)
    }

    func graph(_ method: HTTPRequest.Method, _ path: String, token: String?, json: Any? = nil, headers: [String: String] = [:]) async throws -> Reply
    {
        try await send(method, "graph.microsoft.com", "/v1.0" + path, token: token, json: json, headers: headers)
    }

    /// A client-credentials token from the tenant's token endpoint.
    func token(
        tenant: String = APIWorld.contoso, clientId: String = APIWorld.onboardingApp, secret: String = APIWorld.secret,
        scope: String = "https://graph.microsoft.com/.default", host: String = "login.microsoftonline.com"
    ) async throws -> String {
        let form =
            "grant_type=client_credentials&client_id=\(clientId)&client_secret=\(secret)&scope=\(scope.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? scope)"
        var request = HTTPRequest(method: .post, scheme: "https", authority: host, path: "/\(tenant)/oauth2/v2.0/token")
        request.headerFields[.contentType] = "application/x-www-form-urlencoded"
        let (response, data) = try await transport.send(request, body: Data(form.utf8))
        let object = (try JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        guard response.status.code == 200, let token = object["access_token"] as? String else {
            Issue.record("token request failed: \(response.status.code) \(String(decoding: data, as: UTF8.self))")
            return ""
        }
        return token
    }
}

extension BothModes {
    /// Runs `body` against both transports (in process, then live HTTPS), each with a fresh
    /// ``APIWorld`` and a client that carries the control key.
    static func run(_ body: (APIClient, TenantAPI) async throws -> Void) async throws {
        try await run(makeAPI: makeAPI) { transport, api, _ in
            try await body(APIClient(transport: transport, controlKey: api.controlKey.value), api)
        }
    }

    static func makeAPI() async throws -> TenantAPI {
        let engine = try await TenantEngine.inMemory()
        try await engine.loadWorld(APIWorld.spec)
        return TenantAPI(engine: engine)
    }
}
