import Foundation
import TenantAPI
import TenantEngine
import TenantModel
import TenantServer

/// What `tenantsim serve` prints once it listens: where to point clients.
struct ServerBanner {
    let lines: [String]
    let authority: LocalCertificateAuthority
    let host: String
    let controlKey: ControlKey
    let controlKeyFile: String

    init(engine: TenantEngine, authority: LocalCertificateAuthority, host: String, controlKey: ControlKey, controlKeyFile: String) async throws {
        self.authority = authority
        self.host = host
        self.controlKey = controlKey
        self.controlKeyFile = controlKeyFile
        var lines: [String] = []
        for tenant in try await engine.tenants() {
            lines.append("  \(tenant.displayName) [\(tenant.cloud.rawValue)] tenant id \(tenant.id) (\(tenant.initialDomain))")
            for app in try await engine.apps(in: tenant.id) {
                let secret = try await engine.secrets(of: app.appId).first?.secretText ?? "(none)"
                lines.append("    app '\(app.displayName)': client id \(app.appId)  secret \(secret)")
            }
            for environment in try await engine.environments(in: tenant.id) where environment.hasDataverse {
                lines.append("    environment '\(environment.displayName)': \(environment.instanceURL ?? "")")
            }
        }
        self.lines = lines
    }

    func text(port: Int) -> String {
        let base = "https://\(host):\(port)"
        return """
            TenantSim is serving on \(base)
              Graph base URL      \(base)/v1.0            (or \(base)/graph.microsoft.com/v1.0)
              Authority           \(base)/<tenant id>     (azure-identity: authority="\(base)", disable_instance_discovery=True)
              Admin API (BAP)     \(base)/api.bap.microsoft.com/providers/Microsoft.BusinessAppPlatform/...
              Dataverse           \(base)/<org>.crm.dynamics.com/api/data/v9.2/...
              Control API         \(base)/_tenantsim/world   (send Authorization: Bearer <control key>)
              Control key         \(controlKey.value)   (kept in \(controlKeyFile); export \(ControlKey.environmentVariable)=…)
              CA certificate      \(authority.caFile)
              CA bundle           \(authority.bundleFile)   export REQUESTS_CA_BUNDLE=\(authority.bundleFile) SSL_CERT_FILE=\(authority.bundleFile)
            Tenants and ready-made app registrations:
            \(lines.joined(separator: "\n"))
            Press Ctrl-C to stop.
            """
    }
}
