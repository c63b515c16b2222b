import GRDB
import TenantModel

/// `PowerPlatformEnvironment` rows live in the `environment` table.
extension PowerPlatformEnvironment: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "environment" }
}
