import Foundation
import GRDB

/// The single `world_meta` row: the seed, and the manual clock's current instant or the system
/// clock's offset.
struct WorldMeta: Codable, FetchableRecord, PersistableRecord {
    static var databaseTableName: String { "world_meta" }

    var key: Int = 1
    var seed: Int64
    var now: Date?
    var systemClock: Bool
    /// Seconds a system clock runs ahead of the wall clock (advancing it adds here).
    var clockOffset: Double = 0
    /// The world's ``ConsistencyProfile`` (raw value).
    var consistency: String = "immediate"
}
