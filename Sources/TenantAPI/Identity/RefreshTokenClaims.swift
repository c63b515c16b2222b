import Foundation
import JWTKit

/// TenantSim's refresh token: self-contained and signed with the tenant's key, so the state
/// doesn't grow (Entra's refresh tokens are opaque to clients; the format is an emulator choice).
/// It names the account that signed in, the client it was issued to and its tenant; redeeming it
/// signs the account in again without a password, so disabled or removed users are refused.
public struct RefreshTokenClaims: JWTPayload, Hashable {
    /// Always `refresh`: keeps the token from passing as an access or ID token.
    public var token_use: String
    /// The client id the token was issued to.
    public var aud: String
    public var iss: String
    public var iat: Int
    public var exp: Int
    public var tid: String
    public var oid: String
    /// The account name the user signed in with (the password grant's `username`).
    public var account: String
    /// Whether the original request named a tenant (`false` for `/organizations`).
    public var tenantChosen: Bool

    /// Refresh tokens live 90 days (Microsoft's documented default lifetime).
    public static let lifetime = 90 * 24 * 3600

    public init(aud: String, iss: String, iat: Int, tid: String, oid: String, account: String, tenantChosen: Bool) {
        self.token_use = "refresh"
        self.aud = aud
        self.iss = iss
        self.iat = iat
        self.exp = iat + Self.lifetime
        self.tid = tid
        self.oid = oid
        self.account = account
        self.tenantChosen = tenantChosen
    }

    public func verify(using algorithm: some JWTAlgorithm) async throws {}
}
