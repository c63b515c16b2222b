import GRDB
import TenantModel

/// `OutboxMessage` rows live in the `outbox_message` table.
extension OutboxMessage: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "outbox_message" }
}
