import Foundation
import TenantServer

/// One local CA (and server certificate) per test process, in an owner-only temporary folder:
/// generating keys is the slow part of starting a server, and every live test can trust the same CA.
public enum SharedCertificateAuthority {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var prepared: LocalCertificateAuthority?

    /// The process's CA, created on first use.
    public static func shared() throws -> LocalCertificateAuthority {
        try lock.withLock {
            if let prepared { return prepared }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tenantsim-testing-ca-\(getpid())").path
            let authority = try LocalCertificateAuthority.prepare(in: folder)
            prepared = authority
            return authority
        }
    }
}
