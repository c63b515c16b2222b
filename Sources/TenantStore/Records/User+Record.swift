import GRDB
import TenantModel

/// `User` rows live in the `user` table.
extension User: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "user" }
}
