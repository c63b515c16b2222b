/// A tenant's token signing key (RSA, PEM), kept with the state so tokens stay valid across server
/// restarts. Keys are random, so they are left out of state dumps.
public struct SigningKey: Codable, Hashable, Sendable {
    public var tenantId: TenantID
    public var keyId: String
    public var privateKeyPEM: String

    public init(tenantId: TenantID, keyId: String, privateKeyPEM: String) {
        self.tenantId = tenantId
        self.keyId = keyId
        self.privateKeyPEM = privateKeyPEM
    }
}
