import Foundation
import GRDB
import TenantModel

/// `JournalEntry` rows live in the append-only `journal_entry` table; `sequence` is assigned by
/// SQLite on insert.
extension JournalEntry: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "journal_entry" }

    public func encode(to container: inout PersistenceContainer) throws {
        container["sequence"] = sequence == 0 ? nil : sequence
        container["time"] = time
        container["actor"] = actor
        container["tenantId"] = tenantId?.rawValue
        container["operation"] = operation
        container["target"] = target
        container["outcome"] = outcome.rawValue
        container["ruleIds"] = String(decoding: try JSONEncoder().encode(ruleIds), as: UTF8.self)
        container["requestId"] = requestId
        container["detail"] = detail
    }
}
