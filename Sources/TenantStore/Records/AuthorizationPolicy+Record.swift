import GRDB
import TenantModel

/// `AuthorizationPolicy` rows live in the `authorization_policy` table.
extension AuthorizationPolicy: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "authorization_policy" }
}
