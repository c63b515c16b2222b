import GRDB
import TenantModel

/// `CrossTenantAccessPartner` rows live in the `cross_tenant_partner` table.
extension CrossTenantAccessPartner: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "cross_tenant_partner" }
}
