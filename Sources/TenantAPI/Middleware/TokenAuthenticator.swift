import Hummingbird
import HummingbirdAuth
import TenantModel

/// hummingbird-auth's authenticator for a surface: verifies the `Authorization: Bearer` token for
/// the surface's audience (signature, lifetime, issuer, cloud, audience — from cached keys, no
/// store read once warm) and sets `context.identity` once per request. A request without a token
/// passes on with no identity; its handler answers 401. A forged, expired or misdirected token is
/// refused here with 401 `InvalidAuthenticationToken`.
struct TokenAuthenticator: AuthenticatorMiddleware {
    typealias Context = TenantRequestContext

    let api: TenantAPI
    let audience: Authenticator.Audience
    /// Bearer values that are no token (the control API accepts its key as a bearer).
    var isNotAToken: @Sendable (String) -> Bool = { _ in false }

    func authenticate(request: Request, context: TenantRequestContext) async throws -> Authenticated? {
        guard let token = TenantAPI.bearer(request), !isNotAToken(token) else { return nil }
        let (caller, claims) = try await Authenticator.caller(request, context: context, api: api, audience: audience)
        return Authenticated(caller: caller, claims: claims)
    }
}
