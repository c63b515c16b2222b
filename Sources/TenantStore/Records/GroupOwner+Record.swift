import GRDB
import TenantModel

/// `GroupOwner` rows live in the `group_owner` table.
extension GroupOwner: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "group_owner" }
}
