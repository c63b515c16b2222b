import Foundation
import HTTPTypes
import Hummingbird
import TenantEngine
import TenantModel

/// `POST /{tenant}/oauth2/v2.0/token`: `client_credentials` for app registrations of the world
/// (token `roles`), `password` (ROPC) for users of the world (token `scp`, with the sign-in rules)
/// and `refresh_token` for the refresh tokens the password grant returns.
struct TokenEndpoint {
    let api: TenantAPI

    /// The OpenID Connect scopes: they shape the response (ID token, refresh token), not the access token.
    static let oidcScopes: Set<String> = ["openid", "profile", "offline_access", "email"]

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
        let authority = tenantKey.lowercased()
        switch grant {
        case "client_credentials":
            if ["common", "organizations", "consumers"].contains(authority) {
                // OBSERVED (MicrosoftDocs/azure-docs#24064): client credentials need a tenant.
                throw Self.error(
                    400, "invalid_request", 50059,
                    "No tenant-identifying information found in either the request or implied by any provided credentials.")
            }
            return try await clientCredentials(clientId: clientId, form: form, scopes: scopes, tenantKey: tenantKey, context: context)
        case "password":
            if ["common", "consumers"].contains(authority) {
                // VERIFIED (entra-docs v2-oauth-ropc.md, "Error response"): invalid_request, "the
                // grant type isn't supported on the /common or /consumers authentication
                // contexts". The number (90010) is from observed responses, not the doc.
                throw Self.error(
                    400, "invalid_request", 90010,
                    "The grant type is not supported over the /common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint."
                )
            }
            return try await password(clientId: clientId, form: form, scopes: scopes, tenantKey: tenantKey, context: context)
        case "refresh_token":
            return try await refresh(clientId: clientId, form: form, scopes: scopes, tenantKey: tenantKey, context: context)
        default:
            throw Self.error(
                400, "unsupported_grant_type", 70003,
                "The app requested an unsupported grant type '\(grant)'. TenantSim supports client_credentials, password and refresh_token.")
        }
    }

    func clientCredentials(
        clientId: String, form: [String: String], scopes: [String], tenantKey: String, context: TenantRequestContext
    ) async throws -> Response {
        if form["client_assertion"] != nil {
            throw Self.error(
                400, "invalid_client", 700027,
                "Client assertions (certificate credentials) are not emulated by TenantSim; use a client secret.")
        }
        guard let secret = form["client_secret"] else {
            throw Self.error(
                401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.")
        }
        guard !scopes.isEmpty else {
            throw Self.error(400, "invalid_request", 900144, "The request body must contain the following parameter: 'scope'.")
        }
        guard let scope = scopes.first(where: { $0.hasSuffix("/.default") }), scopes.count == 1 else {
            throw Self.error(
                400, "invalid_scope", 1002012,
                "The provided value for scope \(scopes.joined(separator: " ")) is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI)."
            )
        }
        let (app, tenant) = try await api.engine.authenticateApp(
            clientId: clientId, secret: secret, tenantKey: tenantKey, authorityCloud: context.host.entraCloud)
        let resource = try await TokenResource.resolve(String(scope.dropLast("/.default".count)), tenant: tenant, api: api, context: context)
        let now = Int(try await api.engine.now().timeIntervalSince1970)
        // Only Graph tokens (and tokens for the emulator's own base URL, which serves Graph) carry
        // the app's Graph application permissions; BAP and Dataverse authorise apps by world
        // configuration (powerPlatformAdmin, dataverseRoles).
        let roles = resource.servesGraph ? app.applicationPermissions : []
        let claims = AccessTokenClaims(
            aud: resource.audience, iss: Self.issuer(tenant), iat: now, nbf: now, exp: now + TokenService.lifetime, tid: tenant.id.rawValue,
            oid: app.appId.rawValue, sub: app.appId.rawValue, azp: app.appId.rawValue, idtyp: "app", roles: roles)
        return try await respond(claims, scope: nil)
    }

    func password(
        clientId: String, form: [String: String], scopes: [String], tenantKey: String, context: TenantRequestContext
    ) async throws -> Response {
        guard let username = form["username"], let secret = form["password"], !secret.isEmpty else {
            throw Self.error(400, "invalid_request", 900144, "The request body must contain the following parameters: 'username' and 'password'.")
        }
        // `/organizations`: the tenant is the home tenant of the work account (from its UPN).
        let organizations = tenantKey.lowercased() == "organizations"
        let tenantId: TenantID? = organizations ? nil : try await IdentityRoutes.resolveTenant(tenantKey, api: api).id
        let session = try await api.engine.signIn(
            account: username, to: tenantId, authorityCloud: context.host.entraCloud, client: .token, password: secret,
            requestId: context.requestId)
        return try await issueUserTokens(
            session: session, account: username.lowercased(), tenantChosen: !organizations, clientId: clientId, form: form, scopes: scopes,
            context: context)
    }

    /// `grant_type=refresh_token`: signs the account of the refresh token in again (no password),
    /// for any resource the client may have.
    func refresh(
        clientId: String, form: [String: String], scopes: [String], tenantKey: String, context: TenantRequestContext
    ) async throws -> Response {
        guard let token = form["refresh_token"], !token.isEmpty else {
            throw Self.error(400, "invalid_request", 900144, "The request body must contain the following parameter: 'refresh_token'.")
        }
        guard let claims = await api.tokens.verifyRefreshToken(token) else {
            throw Self.error(
                400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid. (The refresh token is not one TenantSim issued.)")
        }
        guard claims.aud.lowercased() == clientId.lowercased() else {
            throw Self.error(
                400, "invalid_grant", 70000,
                "The provided authorization code or refresh token was issued to a different client ('\(claims.aud)'), not '\(clientId)'.")
        }
        let now = Int(try await api.engine.now().timeIntervalSince1970)
        guard claims.exp > now else {
            throw Self.error(
                400, "invalid_grant", 700082,
                "The refresh token has expired due to inactivity. The token was issued on \(ISO8601.string(Date(timeIntervalSince1970: Double(claims.iat)))) and was inactive for 90.00:00:00."
            )
        }
        let key = tenantKey.lowercased()
        if !["common", "organizations"].contains(key) {
            let tenant = try await IdentityRoutes.resolveTenant(tenantKey, api: api)
            guard tenant.id.rawValue == claims.tid else {
                throw Self.error(400, "invalid_grant", 50020, "The refresh token was issued for tenant '\(claims.tid)', not '\(tenant.id)'.")
            }
        }
        let session = try await api.engine.signIn(
            account: claims.account, to: claims.tenantChosen ? TenantID(claims.tid) : nil, authorityCloud: context.host.entraCloud,
            client: .token, requestId: context.requestId)
        return try await issueUserTokens(
            session: session, account: claims.account, tenantChosen: claims.tenantChosen, clientId: clientId, form: form, scopes: scopes,
            context: context)
    }

    /// The access token (for the one resource the scopes name) plus, as the scopes ask, the ID
    /// token, `client_info` and a refresh token.
    func issueUserTokens(
        session: SignInResult, account: String, tenantChosen: Bool, clientId: String, form: [String: String], scopes: [String],
        context: TenantRequestContext
    ) async throws -> Response {
        let tenant = try await api.engine.tenant(session.tenantId.rawValue)
        let (app, _) = try await appForUser(
            clientId: clientId, tenant: tenant, secret: form["client_secret"], authorityCloud: context.host.entraCloud)
        let requested = scopes.filter { !Self.oidcScopes.contains($0) }
        let split = requested.map { Self.split($0, tenant: tenant) }
        let resources = Set(split.map { Authenticator.normalize($0.0) })
        if resources.count > 1 {
            // UNVERIFIED text; Entra refuses one token request for several resources.
            throw Self.error(
                400, "invalid_scope", 28000,
                "Provided value for the input parameter scope is not valid because it contains more than one resource. Scope \(requested.joined(separator: " ")) is not valid."
            )
        }
        let resource = try await TokenResource.resolve(split.first?.0 ?? tenant.cloud.graphAudience, tenant: tenant, api: api, context: context)
        var granted: [String] = []
        for (_, permission) in split {
            if !resource.servesGraph {
                // Dataverse and the Power Platform APIs expose one delegated scope.
                granted.append("user_impersonation")
            } else if permission == ".default" {
                granted += app.delegatedPermissions
            } else if app.delegatedPermissions.contains(permission) {
                granted.append(permission)
            } else {
                throw Self.error(
                    400, "invalid_grant", 65001,
                    "The user or administrator has not consented to use the application with ID '\(app.appId)' named '\(app.displayName)'. Send an interactive authorization request for this user and resource. (Missing delegated permission '\(permission)'.)"
                )
            }
        }
        if requested.isEmpty { granted = app.delegatedPermissions }
        let now = Int(try await api.engine.now().timeIntervalSince1970)
        let scp = Array(Set(granted)).sorted().joined(separator: " ")
        let claims = AccessTokenClaims(
            aud: resource.audience, iss: Self.issuer(tenant), iat: now, nbf: now, exp: now + TokenService.lifetime, tid: tenant.id.rawValue,
            oid: session.user.id.rawValue, sub: session.user.id.rawValue, azp: app.appId.rawValue, idtyp: "user", scp: scp,
            upn: session.user.userPrincipalName, name: session.user.displayName)
        // The response's `scope` lists what was granted: Graph permissions by name, other
        // resources' as `<resource>/<scope>`, then the OpenID Connect scopes that were asked for.
        let oidc = Self.oidcScopes.filter { scopes.contains($0) }.sorted()
        let grantedNames = Array(Set(granted)).sorted().map { resource.servesGraph ? $0 : "\(resource.audience)/\($0)" }
        var extra: [String: JSONValue] = [:]
        let clientIdLower = clientId.lowercased()
        if scopes.contains("openid") {
            let idToken = IDTokenClaims(
                aud: clientIdLower, iss: Self.issuer(tenant), iat: now, exp: now + TokenService.lifetime, tid: tenant.id.rawValue,
                oid: session.user.id.rawValue, preferredUsername: account, name: session.user.displayName)
            extra["id_token"] = .string(try await api.tokens.sign(idToken, tenant: tenant.id))
        }
        if scopes.contains("openid") || form["client_info"] == "1" {
            let info = #"{"uid":"\#(session.user.id.rawValue)","utid":"\#(tenant.id.rawValue)"}"#
            extra["client_info"] = .string(TokenService.base64URL(Data(info.utf8)))
        }
        if scopes.contains("offline_access") {
            let refresh = RefreshTokenClaims(
                aud: clientIdLower, iss: Self.issuer(tenant), iat: now, tid: tenant.id.rawValue, oid: session.user.id.rawValue, account: account,
                tenantChosen: tenantChosen)
            extra["refresh_token"] = .string(try await api.tokens.sign(refresh, tenant: tenant.id))
        }
        return try await respond(claims, scope: (grantedNames + oidc).joined(separator: " "), extra: extra)
    }

    /// The client of a delegated sign-in: an app registration of the user's tenant, or any app of
    /// the world (multi-tenant public client).
    func appForUser(clientId: String, tenant: Tenant, secret: String?, authorityCloud: EntraCloud?) async throws -> (AppRegistration, Tenant) {
        guard let app = try await api.engine.app(AppID(clientId.lowercased())) else {
            throw TenantError(
                status: 400, code: "UnauthorizedClient",
                message: "Application with identifier '\(clientId)' was not found in the directory '\(tenant.displayName)'.",
                surface: .login, aadsts: 700016, oauthError: "unauthorized_client")
        }
        if let secret {
            _ = try await api.engine.authenticateApp(clientId: clientId, secret: secret, tenantKey: app.tenantId.rawValue, authorityCloud: nil)
        }
        return (app, tenant)
    }

    func respond(_ claims: AccessTokenClaims, scope: String?, extra: [String: JSONValue] = [:]) async throws -> Response {
        let token = try await api.tokens.sign(claims)
        var body: [String: JSONValue] = [
            "token_type": .string("Bearer"), "expires_in": .int(TokenService.lifetime), "ext_expires_in": .int(TokenService.lifetime),
            "access_token": .string(token),
        ]
        if let scope { body["scope"] = .string(scope) }
        body.merge(extra) { current, _ in current }
        var headers = HTTPFields()
        headers[.cacheControl] = "no-store, no-cache"
        headers[HTTPField.Name("Pragma")!] = "no-cache"
        return APIResponse.json(.object(body), headers: headers)
    }

    static func issuer(_ tenant: Tenant) -> String { "https://\(tenant.cloud.entraAuthorityHost)/\(tenant.id)/v2.0" }

    /// `https://graph.microsoft.com/User.Read` → (`https://graph.microsoft.com`, `User.Read`); a bare
    /// `User.Read` is a Graph scope.
    static func split(_ scope: String, tenant: Tenant) -> (String, String) {
        guard scope.contains("://"), let slash = scope.range(of: "/", options: .backwards),
            slash.lowerBound > scope.index(scope.startIndex, offsetBy: 8)
        else {
            if !scope.contains("://"), let slash = scope.range(of: "/", options: .backwards) {
                // `00000003-0000-0000-c000-000000000000/.default` (app id form).
                return (String(scope[..<slash.lowerBound]), String(scope[slash.upperBound...]))
            }
            return (tenant.cloud.graphAudience, scope)
        }
        return (String(scope[..<slash.lowerBound]), String(scope[slash.upperBound...]))
    }

    static func error(_ status: Int, _ oauth: String, _ aadsts: Int, _ message: String) -> TenantError {
        TenantError(status: status, code: oauth, message: message, surface: .login, aadsts: aadsts, oauthError: oauth)
    }
}
