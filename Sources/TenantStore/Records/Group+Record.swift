import GRDB
import TenantModel

/// `Group` rows live in the `directory_group` table.
extension Group: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "directory_group" }
}
