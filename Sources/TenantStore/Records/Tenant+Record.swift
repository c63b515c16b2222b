import GRDB
import TenantModel

/// `Tenant` rows live in the `tenant` table.
extension Tenant: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "tenant" }
}
