import GRDB
import TenantModel

/// `ClientSecret` rows live in the `client_secret` table.
extension ClientSecret: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "client_secret" }
}
