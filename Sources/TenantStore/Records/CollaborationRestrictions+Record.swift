import GRDB
import TenantModel

/// `CollaborationRestrictions` rows live in the `collaboration_restrictions` table.
extension CollaborationRestrictions: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "collaboration_restrictions" }
}
