import Foundation
import JWTKit

/// The claims of TenantSim's access tokens: Entra v2 access-token claims (`iss`, `aud`, `tid`,
/// `oid`, `exp`, `roles` for apps, `scp` for users).
public struct AccessTokenClaims: JWTPayload, Hashable {
    public var aud: String
    public var iss: String
    public var iat: Int
    public var nbf: Int
    public var exp: Int
    public var tid: String
    public var oid: String
    public var sub: String
    public var azp: String
    public var appid: String
    /// `app` for app-only tokens, `user` for delegated ones.
    public var idtyp: String
    public var roles: [String]?
    public var scp: String?
    public var upn: String?
    public var preferred_username: String?
    public var name: String?
    public var ver: String

    public init(
        aud: String, iss: String, iat: Int, nbf: Int, exp: Int, tid: String, oid: String, sub: String, azp: String, idtyp: String,
        roles: [String]? = nil, scp: String? = nil, upn: String? = nil, name: String? = nil
    ) {
        self.aud = aud
        self.iss = iss
        self.iat = iat
        self.nbf = nbf
        self.exp = exp
        self.tid = tid
        self.oid = oid
        self.sub = sub
        self.azp = azp
        self.appid = azp
        self.idtyp = idtyp
        self.roles = roles
        self.scp = scp
        self.upn = upn
        self.preferred_username = upn
        self.name = name
        self.ver = "2.0"
    }

    /// Lifetime and audience are checked by ``TokenService`` against the world clock and the
    /// request, not here.
    public func verify(using algorithm: some JWTAlgorithm) async throws {}

    public var isAppOnly: Bool { idtyp == "app" }

    public var scopes: Set<String> { Set((scp ?? "").split(separator: " ").map(String.init)) }
}
