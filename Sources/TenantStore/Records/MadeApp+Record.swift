import GRDB
import TenantModel

/// `MadeApp` rows live in the `made_app` table.
extension MadeApp: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "made_app" }
}
