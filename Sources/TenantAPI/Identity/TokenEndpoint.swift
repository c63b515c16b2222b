import Foundation
import HTTPTypes
import Hummingbird
import TenantEngine
import TenantModel

/// `POST /{tenant}/oauth2/v2.0/token`: `client_credentials` for app registrations of the world
/// (token `roles`) and `password` (ROPC) for users of the world (token `scp`), with the sign-in rules.
struct TokenEndpoint {
    let api: TenantAPI

    func token(_ request: Request, context: TenantRequestContext) async throws -> Response {
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: 64 * 1024) } catch {
            throw Self.error(400, "invalid_request", 900144, "The request body is too large.")
        }
        var form = QueryString.parse(String(buffer: buffer))
        if let basic = request.headers[.authorization], basic.lowercased().hasPrefix("basic "),
            let decoded = Data(base64Encoded: String(basic.dropFirst(6))).map({ String(decoding: $0, as: UTF8.self) })
        {
            let parts = decoded.split(separator: ":", maxSplits: 1).map { QueryString.decode(String($0)) }
            if parts.count == 2 {
                form["client_id"] = form["client_id"] ?? parts[0]
                form["client_secret"] = form["client_secret"] ?? parts[1]
            }
        }
        let tenantKey = context.parameters.get("tenant") ?? ""
        guard let grant = form["grant_type"] else {
            throw Self.error(400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.")
        }
        guard let clientId = form["client_id"], !clientId.isEmpty else {
            throw Self.error(400, "invalid_request", 900144, "The request body must contain the following parameter: 'client_id'.")
        }
        let scopes = (form["scope"] ?? "").split(separator: " ").map(String.init)
        switch grant {
        case "client_credentials":
            return try await clientCredentials(clientId: clientId, form: form, scopes: scopes, tenantKey: tenantKey, context: context)
        case "password":
            return try await password(clientId: clientId, form: form, scopes: scopes, tenantKey: tenantKey, context: context)
        default:
            throw Self.error(
                400, "unsupported_grant_type", 70003,
                "The app requested an unsupported grant type '\(grant)'. TenantSim supports client_credentials and password.")
        }
    }

    func clientCredentials(clientId: String, form: [String: String], scopes: [String], tenantKey: String, context: TenantRequestContext) async throws -> Response {
        if form["client_assertion"] != nil {
            throw Self.error(
                400, "invalid_client", 700027,
                "Client assertions (certificate credentials) are not emulated by TenantSim; use a client secret.")
        }
        guard let secret = form["client_secret"] else {
            throw Self.error(401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.")
        }
        guard !scopes.isEmpty else {
            throw Self.error(400, "invalid_request", 900144, "The request body must contain the following parameter: 'scope'.")
        }
        guard let scope = scopes.first(where: { $0.hasSuffix("/.default") }), scopes.count == 1 else {
            throw Self.error(
                400, "invalid_scope", 1002012,
                "The provided value for scope \(scopes.joined(separator: " ")) is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).")
        }
        let (app, tenant) = try await api.engine.authenticateApp(clientId: clientId, secret: secret, tenantKey: tenantKey, authorityCloud: context.host.entraCloud)
        let resource = String(scope.dropLast("/.default".count))
        let now = Int(try await api.engine.now().timeIntervalSince1970)
        let roles = Self.isGraph(resource, tenant: tenant) || Self.isLocal(resource, context: context) ? app.applicationPermissions : []
        let claims = AccessTokenClaims(
            aud: resource, iss: Self.issuer(tenant), iat: now, nbf: now, exp: now + TokenService.lifetime, tid: tenant.id.rawValue,
            oid: app.appId.rawValue, sub: app.appId.rawValue, azp: app.appId.rawValue, idtyp: "app", roles: roles)
        return try await respond(claims, scope: nil)
    }

    func password(clientId: String, form: [String: String], scopes: [String], tenantKey: String, context: TenantRequestContext) async throws -> Response {
        guard let username = form["username"], let secret = form["password"], !secret.isEmpty else {
            throw Self.error(400, "invalid_request", 900144, "The request body must contain the following parameters: 'username' and 'password'.")
        }
        let placeholder = ["common", "organizations"].contains(tenantKey.lowercased())
        var tenantId: TenantID? = nil
        if !placeholder { tenantId = try await IdentityRoutes.resolveTenant(tenantKey, api: api).id }
        let session = try await api.engine.signIn(
            account: username, to: tenantId, authorityCloud: context.host.entraCloud, client: .token, requestId: context.requestId)
        let tenant = try await api.engine.tenant(session.tenantId.rawValue)
        let (app, _) = try await appForUser(clientId: clientId, tenant: tenant, secret: form["client_secret"], authorityCloud: context.host.entraCloud)
        let requested = scopes.filter { !["openid", "profile", "offline_access", "email"].contains($0) }
        var resource = tenant.cloud.graphAudience
        var granted: [String] = []
        for scope in requested {
            let (scopeResource, permission) = Self.split(scope, tenant: tenant)
            resource = scopeResource
            if permission == ".default" {
                granted += app.delegatedPermissions
            } else if app.delegatedPermissions.contains(permission) {
                granted.append(permission)
            } else {
                throw Self.error(
                    400, "invalid_grant", 65001,
                    "The user or administrator has not consented to use the application with ID '\(app.appId)' named '\(app.displayName)'. Send an interactive authorization request for this user and resource. (Missing delegated permission '\(permission)'.)")
            }
        }
        if requested.isEmpty { granted = app.delegatedPermissions }
        let now = Int(try await api.engine.now().timeIntervalSince1970)
        let scp = Array(Set(granted)).sorted().joined(separator: " ")
        let claims = AccessTokenClaims(
            aud: resource, iss: Self.issuer(tenant), iat: now, nbf: now, exp: now + TokenService.lifetime, tid: tenant.id.rawValue,
            oid: session.user.id.rawValue, sub: session.user.id.rawValue, azp: app.appId.rawValue, idtyp: "user", scp: scp,
            upn: session.user.userPrincipalName, name: session.user.displayName)
        return try await respond(claims, scope: scp)
    }

    /// The client of a delegated sign-in: an app registration of the user's tenant, or any app of
    /// the world (multi-tenant public client).
    func appForUser(clientId: String, tenant: Tenant, secret: String?, authorityCloud: EntraCloud?) async throws -> (AppRegistration, Tenant) {
        guard let app = try await api.engine.app(AppID(clientId.lowercased())) else {
            throw TenantError(
                status: 400, code: "UnauthorizedClient", message: "Application with identifier '\(clientId)' was not found in the directory '\(tenant.displayName)'.",
                surface: .token, aadsts: 700016, oauthError: "unauthorized_client")
        }
        if let secret {
            _ = try await api.engine.authenticateApp(clientId: clientId, secret: secret, tenantKey: app.tenantId.rawValue, authorityCloud: nil)
        }
        return (app, tenant)
    }

    func respond(_ claims: AccessTokenClaims, scope: String?) async throws -> Response {
        let token = try await api.tokens.sign(claims)
        var body: [String: JSONValue] = [
            "token_type": .string("Bearer"), "expires_in": .int(TokenService.lifetime), "ext_expires_in": .int(TokenService.lifetime),
            "access_token": .string(token),
        ]
        if let scope { body["scope"] = .string(scope) }
        var headers = HTTPFields()
        headers[.cacheControl] = "no-store, no-cache"
        headers[HTTPField.Name("Pragma")!] = "no-cache"
        return APIResponse.json(.object(body), headers: headers)
    }

    static func issuer(_ tenant: Tenant) -> String { "https://\(tenant.cloud.entraAuthorityHost)/\(tenant.id)/v2.0" }

    static func isGraph(_ resource: String, tenant: Tenant) -> Bool {
        let normalized = Authenticator.normalize(resource)
        return normalized == "00000003-0000-0000-c000-000000000000"
            || Cloud.allCases.contains { Authenticator.normalize($0.graphAudience) == normalized }
    }

    static func isLocal(_ resource: String, context: TenantRequestContext) -> Bool {
        ResolvedHost.resolve(host: URLComponents(string: resource)?.host ?? "").microsoftHost == nil
    }

    /// `https://graph.microsoft.com/User.Read` → (`https://graph.microsoft.com`, `User.Read`); a bare
    /// `User.Read` is a Graph scope.
    static func split(_ scope: String, tenant: Tenant) -> (String, String) {
        guard scope.contains("://"), let slash = scope.range(of: "/", options: .backwards), slash.lowerBound > scope.index(scope.startIndex, offsetBy: 8) else {
            return (tenant.cloud.graphAudience, scope)
        }
        return (String(scope[..<slash.lowerBound]), String(scope[slash.upperBound...]))
    }

    static func error(_ status: Int, _ oauth: String, _ aadsts: Int, _ message: String) -> TenantError {
        TenantError(status: status, code: oauth, message: message, surface: .token, aadsts: aadsts, oauthError: oauth)
    }
}
