import GRDB

/// One `id_counter` row: the next counter value of one id kind.
struct IDCounter: Codable, FetchableRecord, PersistableRecord {
    static var databaseTableName: String { "id_counter" }

    var kind: String
    var next: Int64
}
