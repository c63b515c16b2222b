import GRDB
import TenantModel

/// `SigningKey` rows live in the `signing_key` table (not part of state dumps).
extension SigningKey: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "signing_key" }
}
