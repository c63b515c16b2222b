import GRDB
import TenantModel

/// `TenantSettings` rows live in the `tenant_settings` table.
extension TenantSettings: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "tenant_settings" }
}
