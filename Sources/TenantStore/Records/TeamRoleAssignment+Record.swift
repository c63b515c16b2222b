import GRDB
import TenantModel

/// `TeamRoleAssignment` rows live in the `team_role_assignment` table.
extension TeamRoleAssignment: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "team_role_assignment" }
}
