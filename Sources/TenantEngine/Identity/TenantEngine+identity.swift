import Foundation
import TenantModel
import TenantRules
import TenantStore

extension TenantEngine {
    /// The tenant's token signing key, if one was created.
    public func signingKey(of tenantId: TenantID) async throws(TenantError) -> SigningKey? {
        try await read { tx in try tx.signingKey(of: tenantId) }
    }

    public func signingKey(keyId: String) async throws(TenantError) -> SigningKey? {
        try await read { tx in try tx.signingKey(keyId: keyId) }
    }

    /// Stores a new signing key unless another request stored one first; returns the key in force.
    public func installSigningKey(_ key: SigningKey) async throws(TenantError) -> SigningKey {
        try await Self.guarded { try await store.write { tx in try tx.insertSigningKeyIfMissing(key) } }
    }

    /// Checks a `client_credentials` request: the tenant exists, the authority belongs to its cloud
    /// (`signin.wrong-cloud`), the app is registered there and the secret matches. Errors are token
    /// (AADSTS) errors.
    public func authenticateApp(
        clientId: String, secret: String?, tenantKey: String, authorityCloud: EntraCloud?
    ) async throws(TenantError) -> (AppRegistration, Tenant) {
        try await read { tx in
            guard let tenant = try TenantResolver.resolve(tenantKey, tx: tx) else { throw TenantError.unknownTenant(tenantKey) }
            let context = SignInContext(
                account: clientId, accountKind: .unknown, targetTenant: tenant, authorityCloud: authorityCloud, client: .token, userInTarget: nil)
            if let error = OperationRules.appSignIn.decide(context).error { throw error }
            guard let app = try tx.app(AppID(clientId.lowercased())), app.tenantId == tenant.id else {
                throw TenantError(
                    status: 400, code: "UnauthorizedClient",
                    message:
                        "Application with identifier '\(clientId)' was not found in the directory '\(tenant.displayName)'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.",
                    surface: .login, aadsts: 700016, oauthError: "unauthorized_client")
            }
            if let secret {
                let now = try tx.now()
                let valid = try tx.secrets(of: app.appId).contains { $0.secretText == secret && ($0.endDateTime.map { $0 > now } ?? true) }
                guard valid else {
                    throw TenantError(
                        status: 401, code: "InvalidClientSecret",
                        message:
                            "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '\(app.appId)'.",
                        surface: .login, aadsts: 7000215, oauthError: "invalid_client")
                }
            }
            return (app, tenant)
        }
    }
}

extension TenantError {
    /// AADSTS90002: the tenant named in the authority doesn't exist.
    public static func unknownTenant(_ key: String) -> TenantError {
        TenantError(
            status: 400, code: "InvalidTenantName",
            message:
                "Tenant '\(key)' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.",
            surface: .login, aadsts: 90002, oauthError: "invalid_request")
    }
}
