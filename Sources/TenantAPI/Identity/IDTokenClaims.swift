import Foundation
import JWTKit

/// The claims of the v2.0 ID token the password and refresh-token grants return when `openid` is
/// requested (Microsoft's ROPC doc: "Issued if the original scope parameter included the openid
/// scope"). Claim names follow Entra's v2.0 ID token reference; `sub` is the user's object id
/// (Entra's is a pairwise value per app — an emulator simplification).
public struct IDTokenClaims: JWTPayload, Hashable {
    public var aud: String
    public var iss: String
    public var iat: Int
    public var nbf: Int
    public var exp: Int
    public var tid: String
    public var oid: String
    public var sub: String
    public var preferred_username: String
    public var name: String?
    public var ver: String

    public init(aud: String, iss: String, iat: Int, exp: Int, tid: String, oid: String, preferredUsername: String, name: String?) {
        self.aud = aud
        self.iss = iss
        self.iat = iat
        self.nbf = iat
        self.exp = exp
        self.tid = tid
        self.oid = oid
        self.sub = oid
        self.preferred_username = preferredUsername
        self.name = name
        self.ver = "2.0"
    }

    public func verify(using algorithm: some JWTAlgorithm) async throws {}
}
