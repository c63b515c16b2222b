import GRDB
import TenantModel

/// `Invitation` rows live in the `invitation` table.
extension Invitation: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "invitation" }
}
