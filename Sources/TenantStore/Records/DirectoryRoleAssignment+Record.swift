import GRDB
import TenantModel

/// `DirectoryRoleAssignment` rows live in the `directory_role_assignment` table.
extension DirectoryRoleAssignment: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "directory_role_assignment" }
}
