import GRDB
import TenantModel

/// `PendingSettingChange` rows live in the `pending_setting_change` table.
extension PendingSettingChange: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "pending_setting_change" }
}
