import GRDB
import TenantModel

/// `ReplicaLag` rows live in the `replica_lag` table.
extension ReplicaLag: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "replica_lag" }
}
