import GRDB
import TenantModel

/// `SubscribedSku` rows live in the `subscribed_sku` table.
extension SubscribedSku: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "subscribed_sku" }
}
