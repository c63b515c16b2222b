import CryptoExtras
import Foundation
import NIOConcurrencyHelpers
import TenantModel

/// RSA signing keys for in-memory worlds (scenario runs, tests), generated once per process and
/// tenant id and reused: a 2048-bit key takes tens of milliseconds to generate, and the scenario
/// library builds the same tenants again and again. Worlds on a state file (`serve`) keep getting
/// a key of their own, generated once and stored with the state. Key ids stay per tenant, so
/// reports are unchanged.
enum SigningKeyPool {
    private static let keys = NIOLockedValueBox<[TenantID: String]>([:])

    /// The private key PEM for `tenant` in an in-memory world.
    static func pem(for tenant: TenantID) throws -> String {
        if let pem = keys.withLockedValue({ $0[tenant] }) { return pem }
        let pem = try _RSA.Signing.PrivateKey(keySize: .bits2048).pemRepresentation
        return keys.withLockedValue { keys in
            if let existing = keys[tenant] { return existing }
            keys[tenant] = pem
            return pem
        }
    }
}
