import GRDB
import TenantModel

/// `GroupMembership` rows live in the `group_membership` table.
extension GroupMembership: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "group_membership" }
}
