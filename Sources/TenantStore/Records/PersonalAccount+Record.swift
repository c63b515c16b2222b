import GRDB
import TenantModel

/// `PersonalAccount` rows live in the `personal_account` table.
extension PersonalAccount: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "personal_account" }
}
