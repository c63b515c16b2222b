import GRDB
import TenantModel

/// `CrossTenantAccessDefault` rows live in the `cross_tenant_default` table.
extension CrossTenantAccessDefault: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "cross_tenant_default" }
}
