import TenantModel

/// Who a verified bearer token says calls: the caller (a user, an app or a portal session) and the
/// token's claims.
public struct Authenticated: Sendable {
    public let caller: Caller
    public let claims: AccessTokenClaims

    /// The tenant the token was issued in.
    public var tenantId: TenantID { TenantID(claims.tid) }
}
