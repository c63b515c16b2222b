import GRDB
import TenantModel

/// `PlatformRoleAssignment` rows live in the `platform_role_assignment` table.
extension PlatformRoleAssignment: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "platform_role_assignment" }
}
