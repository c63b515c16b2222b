import Foundation
import HTTPTypes
import Hummingbird
import TenantEngine
import TenantModel

/// Turns the `Authorization: Bearer` header into a ``Caller``, rejecting empty, forged, unsigned,
/// expired, wrong-issuer, wrong-audience, unknown-tenant and other-cloud tokens with 401 `InvalidAuthenticationToken`.
enum Authenticator {
    /// What the token must be for.
    enum Audience {
        case graph
        case adminAPI
        case powerPlatformAPI
        case dataverse(PowerPlatformEnvironment)
        case azureResourceManager
    }

    static func caller(
        _ request: Request, context: TenantRequestContext, api: TenantAPI, audience: Audience
    ) async throws -> (Caller, AccessTokenClaims) {
        guard let token = TenantAPI.bearer(request) else { throw invalid("Access token is empty.") }
        let claims = try await api.tokens.verify(token)
        let now = try await api.engine.now()
        if Double(claims.exp) <= now.timeIntervalSince1970 { throw invalid("Lifetime validation failed, the token is expired.") }
        if Double(claims.nbf) > now.timeIntervalSince1970 + 300 { throw invalid("Access token has expired or is not yet valid.") }
        let tenant: Tenant
        do { tenant = try await api.engine.tenant(claims.tid) } catch {
            throw invalid("Access token validation failure. The tenant '\(claims.tid)' is not a tenant of this world.")
        }
        // The issuer must be the tenant's own authority in its cloud, naming the same tenant as `tid`.
        let issuers = Set(tenant.cloud.entraCloud.authorityAliases.map { "https://\($0)/\(tenant.id.rawValue)/v2.0" })
        guard issuers.contains(claims.iss.lowercased()) else {
            throw invalid(
                "Access token validation failure. Invalid issuer '\(claims.iss.prefix(200))'; a token of tenant '\(claims.tid)' is issued by \(TokenEndpoint.issuer(tenant))."
            )
        }
        if let hostCloud = context.host.entraCloud, hostCloud != tenant.cloud.entraCloud {
            throw invalid(
                "Access token validation failure. The token was issued by \(tenant.cloud.entraCloud.authorityHost) (\(tenant.cloud.entraCloud.displayName)) and can't be used with \(context.host.microsoftHost ?? "this host") (\(hostCloud.displayName))."
            )
        }
        let audiences = acceptedAudiences(audience, tenant: tenant, context: context)
        // The server's own origin (any loopback name or port) is accepted wherever `local` is.
        if !audiences.contains(normalize(claims.aud)) && !TokenResource.isLocalOrigin(claims.aud, context: context) {
            throw invalid(
                "Access token validation failure. Invalid audience '\(claims.aud)'; expected one of \(audiences.sorted().joined(separator: ", ")).")
        }
        if case .dataverse(let environment) = audience, environment.tenantId.rawValue != claims.tid {
            throw invalid("Access token validation failure. The token is for tenant '\(claims.tid)', not the environment's tenant.")
        }
        let caller: Caller =
            claims.isAppOnly
            ? .application(appId: AppID(claims.azp), tenantId: tenant.id, permissions: Set(claims.roles ?? []))
            : .user(userId: UserID(claims.oid), tenantId: tenant.id, scopes: claims.scopes)
        return (caller, claims)
    }

    static func acceptedAudiences(_ audience: Audience, tenant: Tenant, context: TenantRequestContext) -> Set<String> {
        let local = "https://" + context.clientHostName
        switch audience {
        case .graph:
            var accepted: Set<String> = ["00000003-0000-0000-c000-000000000000", local]
            for cloud in Cloud.allCases where cloud.entraCloud == tenant.cloud.entraCloud { accepted.insert(normalize(cloud.graphAudience)) }
            return accepted
        case .adminAPI:
            return [normalize(tenant.cloud.powerAppsAudience), normalize("https://" + tenant.cloud.adminAPIHost), local]
        case .powerPlatformAPI:
            return [normalize("https://" + tenant.cloud.powerPlatformAPIHost), local]
        case .azureResourceManager:
            return Set(tenant.cloud.entraCloud.armResources.map(normalize)).union([local])
        case .dataverse(let environment):
            var accepted: Set<String> = [local, "00000007-0000-0000-c000-000000000000"]
            if let host = environment.instanceHost { accepted.insert("https://" + host) }
            if let host = environment.instanceAPIHost { accepted.insert("https://" + host) }
            return accepted
        }
    }

    static func normalize(_ audience: String) -> String {
        audience.hasSuffix("/") ? String(audience.dropLast()).lowercased() : audience.lowercased()
    }

    static func invalid(_ message: String) -> TenantError {
        TenantError(status: 401, code: "InvalidAuthenticationToken", message: message)
    }
}
