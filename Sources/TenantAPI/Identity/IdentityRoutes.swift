import Foundation
import HTTPTypes
import Hummingbird
import TenantEngine
import TenantModel
import TenantRules

/// The Entra endpoints MSAL and azure-identity need, per tenant and per cloud: OIDC discovery, the
/// key set, the v2.0 token endpoint (client credentials, password and refresh-token grants), user
/// realm discovery, instance discovery, and the invitation redeem link. `common`, `organizations`
/// and `consumers` are tenants of the `{tenant}` routes like any other (a literal `/common/…`
/// route would take the `common` segment from every other `/{tenant}/…` route).
enum IdentityRoutes {
    static func register(on table: RouteTable) {
        let api = table.api
        let table = table.collection()
        table.add(.get, "/{tenant}/v2.0/.well-known/openid-configuration", surface: .login, operation: .getOpenIdConfiguration) { _, context in
            try await openIdConfiguration(api: api, context: context)
        }
        table.add(.get, "/{tenant}/discovery/v2.0/keys", surface: .login, operation: .getKeys) { _, context in
            let key = context.parameters.get("tenant") ?? ""
            if isPlaceholder(key) {
                // One shared key set for the multi-tenant authorities: every tenant of the login host's cloud.
                let tenants = try await api.engine.tenants().filter {
                    context.host.entraCloud == nil || $0.cloud.entraCloud == context.host.entraCloud
                }
                return APIResponse.json(try await api.tokens.jwks(for: tenants.map(\.id)))
            }
            let tenant = try await resolveTenant(key, api: api)
            return APIResponse.json(try await api.tokens.jwks(for: tenant.id))
        }
        table.add(.post, "/{tenant}/oauth2/v2.0/token", surface: .login, operation: .token) { request, context in
            try await TokenEndpoint(api: api).token(request, context: context)
        }
        table.add(.get, "/{tenant}/discovery/instance", surface: .login, operation: .discoverInstance) { request, context in
            guard (context.parameters.get("tenant") ?? "").lowercased() == "common" else { throw TenantResponder.notSupported(request) }
            return instanceDiscovery(request, context: context)
        }
        table.add(.get, "/{tenant}/userrealm/{user}", surface: .login, operation: .getUserRealm) { _, context in
            try await UserRealm.document(for: context.parameters.get("user") ?? "", api: api, context: context)
        }
        table.add(.get, "/redeem", surface: .login, operation: .redeemInvitation) { request, context in
            let query = QueryString.parse(request.uri.query ?? "")
            guard let link = query["rd"], let ticket = Invitation.ticket(fromRedeemURL: link) else {
                throw TenantError(
                    status: 400, code: "InvalidTicket", message: "The redeem link has no ticket.", surface: .login, oauthError: "invalid_request")
            }
            let result = try await api.engine.redeemInvitation(ticket, requestId: context.requestId)
            let html = """
                <!doctype html><html><head><meta charset="utf-8"><title>Invitation accepted</title></head>
                <body><h1>Invitation accepted</h1><p>\(result.user.userPrincipalName) redeemed with \(result.identityProvider).</p>
                <p>Continue to <a href="\(result.invitation.inviteRedirectUrl)">\(result.invitation.inviteRedirectUrl)</a>.</p></body></html>
                """
            return APIResponse.text(html, contentType: "text/html; charset=utf-8")
        }
    }

    static func resolveTenant(_ key: String, api: TenantAPI) async throws -> Tenant {
        do { return try await api.engine.tenant(key) } catch { throw TenantError.unknownTenant(key) }
    }

    /// The multi-tenant authorities.
    static func isPlaceholder(_ key: String) -> Bool { ["common", "organizations", "consumers"].contains(key.lowercased()) }

    static func openIdConfiguration(api: TenantAPI, context: TenantRequestContext) async throws -> Response {
        let key = context.parameters.get("tenant") ?? ""
        let placeholder = isPlaceholder(key)
        let tenant: Tenant?
        do {
            tenant = placeholder ? nil : try await resolveTenant(key, api: api)
        } catch var error as TenantError {
            // Discovery names the problem `invalid_tenant` where the token endpoint says `invalid_request`.
            error.oauthError = "invalid_tenant"
            throw error
        }
        let tid = tenant?.id.rawValue ?? "{tenantid}"
        let authority = tenant?.cloud.entraAuthorityHost ?? context.host.entraCloud?.authorityHost ?? EntraCloud.global.authorityHost
        let base = "\(context.baseURL)/\(tenant?.id.rawValue ?? key)"
        let cloud = tenant?.cloud ?? .commercial
        var document: [String: JSONValue] = [
            "token_endpoint": .string("\(base)/oauth2/v2.0/token"),
            "token_endpoint_auth_methods_supported": .strings(["client_secret_post", "private_key_jwt", "client_secret_basic"]),
            "jwks_uri": .string("\(base)/discovery/v2.0/keys"),
            "response_modes_supported": .strings(["query", "fragment", "form_post"]),
            "subject_types_supported": .strings(["pairwise"]),
            "id_token_signing_alg_values_supported": .strings(["RS256"]),
            "response_types_supported": .strings(["code", "id_token", "code id_token", "id_token token"]),
            "scopes_supported": .strings(["openid", "profile", "email", "offline_access"]),
            "issuer": .string("https://\(authority)/\(tid)/v2.0"),
            "request_uri_parameter_supported": .bool(false),
            "userinfo_endpoint": .string("https://\(cloud.graphHost)/oidc/userinfo"),
            "authorization_endpoint": .string("\(base)/oauth2/v2.0/authorize"),
            "device_authorization_endpoint": .string("\(base)/oauth2/v2.0/devicecode"),
            "http_logout_supported": .bool(true), "frontchannel_logout_supported": .bool(true),
            "end_session_endpoint": .string("\(base)/oauth2/v2.0/logout"),
            "claims_supported": .strings([
                "sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name", "msgraph_host", "aud", "exp",
                "iat", "auth_time", "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email",
            ]),
            "kerberos_endpoint": .string("\(base)/kerberos"),
            "tenant_region_scope": tenant.map { .string(regionScope($0.cloud).scope) } ?? .null,
            "cloud_instance_name": .string((tenant?.cloud.entraCloud ?? context.host.entraCloud ?? .global).cloudEndpoint),
            "cloud_graph_host_name": .string("graph.windows.net"),
            "msgraph_host": .string(
                tenant?.cloud.graphHost ?? Cloud.allCases.first { $0.entraCloud == (context.host.entraCloud ?? .global) }?.graphHost
                    ?? cloud.graphHost),
            "rbac_url": .string("https://pas.windows.net"),
        ]
        if let tenant, let sub = regionScope(tenant.cloud).subScope { document["tenant_region_sub_scope"] = .string(sub) }
        var headers = HTTPFields()
        headers[.cacheControl] = "max-age=86400, private"
        return APIResponse.json(.object(document), headers: headers)
    }

    /// `tenant_region_scope` / `tenant_region_sub_scope` of a tenant's OIDC metadata. `USGOV` for
    /// Azure Government tenants that support B2B (VERIFIED, b2b-government-national-clouds.md);
    /// GCC lives in commercial Entra (`NA` + `GCC`), GCC High `DODCON`, DoD `DOD`, China `AS`
    /// (OBSERVED in tooling reading live metadata); commercial tenants `WW` (one of the values
    /// commercial tenants show; real ones vary by region - emulator choice).
    static func regionScope(_ cloud: Cloud) -> (scope: String, subScope: String?) {
        switch cloud {
        case .commercial: ("WW", nil)
        case .gcc: ("NA", "GCC")
        case .gccHigh: ("USGOV", "DODCON")
        case .dod: ("USGOV", "DOD")
        case .china: ("AS", nil)
        }
    }

    static func instanceDiscovery(_ request: Request, context: TenantRequestContext) -> Response {
        let query = QueryString.parse(request.uri.query ?? "")
        let authorize = query["authorization_endpoint"] ?? ""
        let tenant = authorize.split(separator: "/").dropFirst(2).first.map(String.init) ?? "common"
        let metadata: [JSONValue] = EntraCloud.allCases.map { cloud in
            .object([
                "preferred_network": .string(cloud.authorityHost), "preferred_cache": .string(cloud.authorityHost),
                "aliases": .strings(cloud.authorityAliases),
            ])
        }
        return APIResponse.json(
            .object([
                "tenant_discovery_endpoint": .string("\(context.baseURL)/\(tenant)/v2.0/.well-known/openid-configuration"),
                "api-version": .string("1.1"), "metadata": .array(metadata),
            ]))
    }
}
