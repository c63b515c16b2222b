import GRDB
import TenantModel

/// `PendingDataverseSync` rows live in the `pending_dataverse_sync` table.
extension PendingDataverseSync: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "pending_dataverse_sync" }
}
