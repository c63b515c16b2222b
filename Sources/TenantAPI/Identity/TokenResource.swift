import Foundation
import TenantEngine
import TenantModel

/// The resource a token request's scope names, checked against what exists for the tenant:
/// Microsoft Graph of the tenant's Entra cloud (by URL or app id), the Power Platform admin APIs
/// (BAP and the Power Apps service audience) and the Power Platform API of that cloud, the Dataverse instances of the tenant's
/// environments, and the emulator's own base URL. Anything else is Entra's `invalid_resource`
/// AADSTS500011 (OBSERVED text).
struct TokenResource: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case graph, powerPlatform, powerPlatformAPI, dataverse, azureResourceManager, local }

    /// The token's `aud`: the resource as the client named it.
    let audience: String
    let kind: Kind

    /// Graph tokens — and tokens for the emulator's own base URL, which serves Graph — carry the
    /// app's Graph permissions.
    var servesGraph: Bool { kind == .graph || kind == .local }

    static let graphAppId = "00000003-0000-0000-c000-000000000000"
    static let dataverseAppId = "00000007-0000-0000-c000-000000000000"

    static func resolve(_ resource: String, tenant: Tenant, api: TenantAPI, context: TenantRequestContext) async throws -> TokenResource {
        // Prefix mode: a resource on the server's own origin naming a Microsoft host
        // (`https://127.0.0.1:8443/graph.microsoft.com`) is that Microsoft resource, so the token is
        // issued for — and accepted by — the surface it names.
        if let mapped = microsoftResource(behindLocal: resource, context: context) {
            return try await resolve(mapped, tenant: tenant, api: api, context: context)
        }
        let normalized = Authenticator.normalize(resource)
        let sameEntra = Cloud.allCases.filter { $0.entraCloud == tenant.cloud.entraCloud }
        // Graph's service principal (one app id) answers to every cloud's Graph URL; whether the
        // token works on a given Graph host is decided there (401 across clouds).
        if normalized == graphAppId || Cloud.allCases.contains(where: { Authenticator.normalize($0.graphAudience) == normalized }) {
            return TokenResource(audience: resource, kind: .graph)
        }
        if tenant.cloud.entraCloud.armResources.map(Authenticator.normalize).contains(normalized) {
            return TokenResource(audience: resource, kind: .azureResourceManager)
        }
        let powerPlatform = sameEntra.flatMap { [Authenticator.normalize($0.powerAppsAudience), "https://" + $0.adminAPIHost] }
        if powerPlatform.contains(normalized) { return TokenResource(audience: resource, kind: .powerPlatform) }
        if sameEntra.contains(where: { "https://" + $0.powerPlatformAPIHost == normalized }) {
            return TokenResource(audience: resource, kind: .powerPlatformAPI)
        }
        if normalized == dataverseAppId { return TokenResource(audience: resource, kind: .dataverse) }
        for environment in try await api.engine.environments(in: tenant.id) {
            let hosts = [environment.instanceHost, environment.instanceAPIHost].compactMap { $0 }.map { "https://" + $0.lowercased() }
            if hosts.contains(normalized) { return TokenResource(audience: resource, kind: .dataverse) }
        }
        // The server's own origin (any port, no path) serves Graph.
        if isLocalOrigin(resource, context: context) { return TokenResource(audience: resource, kind: .local) }
        throw TokenEndpoint.error(
            400, "invalid_resource", 500011,
            "The resource principal named \(resource) was not found in the tenant named \(tenant.displayName). This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant."
        )
    }

    /// `https://<a local host>[:port]/<host>[/…]` → `https://<host>[/…]`; `nil` otherwise. The host
    /// is then resolved as any resource is (unknown ones are AADSTS500011).
    static func microsoftResource(behindLocal resource: String, context: TenantRequestContext) -> String? {
        guard let url = URLComponents(string: resource), let host = url.host?.lowercased(), isLocal(host, context: context) else { return nil }
        let segments = url.path.split(separator: "/", omittingEmptySubsequences: true)
        guard let first = segments.first.map(String.init), first.contains(".") else { return nil }
        let rest = segments.dropFirst().joined(separator: "/")
        return "https://" + first.lowercased() + (rest.isEmpty ? (url.path.hasSuffix("/") ? "/" : "") : "/" + rest)
    }

    /// `https://<a local host>[:port][/]`: the emulator's own origin.
    static func isLocalOrigin(_ resource: String, context: TenantRequestContext) -> Bool {
        guard let url = URLComponents(string: resource), let host = url.host?.lowercased() else { return false }
        return isLocal(host, context: context) && (url.path.isEmpty || url.path == "/")
    }

    /// Whether `host` names this server: loopback names and addresses, or the host the client used.
    static func isLocal(_ host: String, context: TenantRequestContext) -> Bool {
        host == context.clientHostName || ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host)
    }
}
