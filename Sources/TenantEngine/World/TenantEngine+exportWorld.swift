import TenantModel
import TenantStore

extension TenantEngine {
    /// The world — or the tenants named by key, id or domain — as the spec that
    /// ``loadWorld(_:)`` rebuilds it from (`tenantsim export`), with the world's personal accounts.
    /// Passwords are never exported.
    public func exportWorld(tenants keys: [String] = []) async throws(TenantError) -> WorldSpec {
        try await read { tx in
            let tenants =
                try keys.isEmpty
                ? tx.tenants()
                : keys.map { key in
                    guard let tenant = try TenantResolver.resolve(key, tx: tx) else { throw TenantError.notFound(key) }
                    return tenant
                }
            let accounts = try tx.personalAccounts().map { PersonalAccountSpec(email: $0.email, displayName: $0.displayName) }
                .sorted { $0.email < $1.email }
            return WorldSpec(tenants: try tenants.map { try WorldExporter.tenantSpec($0, tx: tx) }, personalAccounts: accounts)
        }
    }
}
