import GRDB
import TenantModel

/// `AppRegistration` rows live in the `app_registration` table.
extension AppRegistration: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "app_registration" }
}
