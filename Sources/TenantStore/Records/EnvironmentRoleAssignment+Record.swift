import GRDB
import TenantModel

/// `EnvironmentRoleAssignment` rows live in the `environment_role_assignment` table.
extension EnvironmentRoleAssignment: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "environment_role_assignment" }
}
