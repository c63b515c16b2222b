import GRDB
import TenantModel

/// `SecurityRole` rows live in the `security_role` table.
extension SecurityRole: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "security_role" }
}
