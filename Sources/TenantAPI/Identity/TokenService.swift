import CryptoExtras
import Foundation
import JWTKit
import NIOConcurrencyHelpers
import TenantEngine
import TenantModel

/// Issues and validates RS256 access tokens, signed by a per-tenant key that is generated on first
/// use and kept with the state.
public final class TokenService: Sendable {
    let engine: TenantEngine
    /// Parsed keys by tenant id.
    let cache = NIOLockedValueBox<[TenantID: CachedKey]>([:])

    struct CachedKey: Sendable {
        /// The state generation the key was read under (a reset or restore may replace it).
        let generation: UInt64
        let keyId: String
        let keys: JWTKeyCollection
        let publicKey: JWTKit.Insecure.RSA.PublicKey
    }

    /// Access tokens live an hour.
    public static let lifetime = 3599

    public init(engine: TenantEngine) { self.engine = engine }

    /// The tenant's parsed key if it is cached under the current state generation.
    func currentKey(for tenant: TenantID) -> CachedKey? {
        let generation = engine.stateGeneration
        return cache.withLockedValue { $0[tenant] }.flatMap { $0.generation == generation ? $0 : nil }
    }

    func key(for tenant: TenantID) async throws -> CachedKey {
        if let cached = currentKey(for: tenant) { return cached }
        let generation = engine.stateGeneration
        var stored = try await engine.signingKey(of: tenant)
        if stored == nil {
            // An in-memory world reuses the process's key for the tenant; a state file gets its own.
            let pem = engine.isInMemory ? try SigningKeyPool.pem(for: tenant) : try _RSA.Signing.PrivateKey(keySize: .bits2048).pemRepresentation
            let keyId = "tss" + String(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(24)).lowercased()
            stored = try await engine.installSigningKey(SigningKey(tenantId: tenant, keyId: keyId, privateKeyPEM: pem))
        }
        guard let stored else { throw TenantError.internal("no signing key for \(tenant)") }
        let privateKey = try JWTKit.Insecure.RSA.PrivateKey(pem: stored.privateKeyPEM)
        let keys = JWTKeyCollection()
        await keys.add(rsa: privateKey, digestAlgorithm: .sha256, kid: JWKIdentifier(string: stored.keyId))
        let cached = CachedKey(generation: generation, keyId: stored.keyId, keys: keys, publicKey: privateKey.publicKey)
        cache.withLockedValue { $0[tenant] = cached }
        return cached
    }

    /// Signs `claims` with the tenant's key.
    public func sign(_ claims: AccessTokenClaims) async throws -> String {
        try await sign(claims, tenant: TenantID(claims.tid))
    }

    /// A delegated access token for `user` of `tenant` toward `audience`, as an interactive sign-in
    /// through `client` with `scopes` would give (scenario actors, tests). Issued at the world's time.
    public func delegatedToken(for user: User, in tenant: Tenant, audience: String, scopes: [String], client: String) async throws -> String {
        let now = Int(try await engine.now().timeIntervalSince1970)
        let claims = AccessTokenClaims(
            aud: audience, iss: "https://\(tenant.cloud.entraAuthorityHost)/\(tenant.id)/v2.0", iat: now, nbf: now, exp: now + Self.lifetime,
            tid: tenant.id.rawValue, oid: user.id.rawValue, sub: user.id.rawValue, azp: client, idtyp: "user", scp: scopes.joined(separator: " "),
            upn: user.userPrincipalName, name: user.displayName)
        return try await sign(claims)
    }

    /// Signs any payload (ID and refresh tokens) with `tenant`'s key.
    func sign(_ payload: some JWTPayload, tenant: TenantID) async throws -> String {
        let key = try await key(for: tenant)
        return try await key.keys.sign(payload, kid: JWKIdentifier(string: key.keyId))
    }

    /// Verifies a refresh token issued by ``sign(_:tenant:)``; `nil` for anything else (forged,
    /// malformed, an access token, another world's).
    func verifyRefreshToken(_ token: String) async -> RefreshTokenClaims? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let payload = Self.decodeSegment(parts[1]), case .string(let tid)? = payload.objectValue?["tid"],
            (try? await engine.signingKey(of: TenantID(tid))) != nil,
            let claims = try? await key(for: TenantID(tid)).keys.verify(token, as: RefreshTokenClaims.self),
            claims.token_use == "refresh"
        else { return nil }
        return claims
    }

    /// The keys of several tenants in one set (`/common`, `/organizations`: Entra serves one
    /// shared key set there).
    public func jwks(for tenants: [TenantID]) async throws -> JSONValue {
        var keys: [JSONValue] = []
        for tenant in tenants {
            if case .array(let some)? = try await jwks(for: tenant).objectValue?["keys"] { keys += some }
        }
        return .object(["keys": .array(keys)])
    }

    /// The tenant's JSON Web Key Set.
    public func jwks(for tenant: TenantID) async throws -> JSONValue {
        let key = try await key(for: tenant)
        let (modulus, exponent) = try key.publicKey.getKeyPrimitives()
        return .object([
            "keys": .array([
                .object([
                    "kty": .string("RSA"), "use": .string("sig"), "kid": .string(key.keyId), "alg": .string("RS256"),
                    "n": .string(Self.base64URL(modulus)), "e": .string(Self.base64URL(exponent)),
                ])
            ])
        ])
    }

    /// Verifies the signature (with the key of the token's own tenant) and returns the claims.
    /// Forged, unsigned (`alg: none`) and malformed tokens fail.
    public func verify(_ token: String) async throws(TenantError) -> AccessTokenClaims {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let header = Self.decodeSegment(parts[0]), case .object(let fields) = header else {
            throw Self.invalid("Access token validation failure. The token is not a well-formed JWT.")
        }
        guard fields["alg"] == .string("RS256") else {
            throw Self.invalid("Access token validation failure. The token signing algorithm must be RS256.")
        }
        guard let payload = Self.decodeSegment(parts[1]), case .string(let tid)? = payload.objectValue?["tid"] else {
            throw Self.invalid("Access token validation failure. The token has no tenant.")
        }
        let tenant = TenantID(tid)
        // A key cached under the current state generation proves the tenant has one; otherwise ask the store.
        let known: Bool
        if currentKey(for: tenant) != nil {
            known = true
        } else {
            do { known = try await engine.signingKey(of: tenant) != nil } catch { throw error }
        }
        guard known else { throw Self.invalid("Access token validation failure. The token was not issued by a tenant of this world.") }
        do {
            let key = try await key(for: tenant)
            return try await key.keys.verify(token, as: AccessTokenClaims.self)
        } catch {
            throw Self.invalid("Access token validation failure. Invalid signature.")
        }
    }

    static func invalid(_ message: String) -> TenantError {
        TenantError(status: 401, code: "InvalidAuthenticationToken", message: message)
    }

    static func decodeSegment(_ segment: Substring) -> JSONValue? {
        var text = segment.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        guard let data = Data(base64Encoded: text) else { return nil }
        return try? JSONDecoder().decode(JSONValue.self, from: data)
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
