import GRDB
import TenantModel

/// `DataverseUser` rows live in the `dataverse_user` table.
extension DataverseUser: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "dataverse_user" }
}
