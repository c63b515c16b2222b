import GRDB
import TenantModel

/// `DataverseTeam` rows live in the `dataverse_team` table.
extension DataverseTeam: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "dataverse_team" }
}
