import Foundation
import GRDB
import TenantModel

/// TenantSim's persistence: one SQLite database (a file in WAL mode, or in memory) holding every
/// tenant of the world, through GRDB.
///
/// Every engine operation runs inside one ``write(_:)`` — one SQLite transaction — so a decision
/// and the change it permits can't be separated by another writer.
public final class TenantStore: Sendable {
    let writer: any DatabaseWriter
    /// The file behind the store, `nil` in memory.
    public let path: String?

    init(writer: any DatabaseWriter, path: String?) throws {
        self.writer = writer
        self.path = path
        try StoreMigrations.migrator.migrate(writer)
    }

    /// A store in memory (tests, scenarios).
    public static func inMemory() throws -> TenantStore {
        try TenantStore(writer: DatabaseQueue(configuration: configuration()), path: nil)
    }

    /// A store in a file, in WAL mode. The file is created when missing.
    public static func file(at path: String) throws -> TenantStore {
        let pool = try DatabasePool(path: path, configuration: configuration())
        return try TenantStore(writer: pool, path: path)
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        }
        return config
    }

    /// The journal mode SQLite reports (`wal` for files, `memory` in memory).
    public func journalMode() async throws -> String {
        try await writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    /// Runs `body` in one write transaction. Anything `body` throws rolls the transaction back; a
    /// denial that must still be journaled is returned as a value (e.g. a `Result`), not thrown.
    public func write<T: Sendable>(_ body: @escaping @Sendable (StoreTransaction) throws -> T) async throws -> T {
        try await writer.write { db in try body(StoreTransaction(db: db)) }
    }

    /// Runs `body` against a consistent read-only snapshot.
    public func read<T: Sendable>(_ body: @escaping @Sendable (StoreTransaction) throws -> T) async throws -> T {
        try await writer.read { db in try body(StoreTransaction(db: db)) }
    }

    /// Copies the whole database to `path` (a consistent snapshot, usable with ``restore(from:)``).
    public func snapshot(to path: String) async throws {
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        let destination = try DatabaseQueue(path: path)
        try writer.backup(to: destination)
        try destination.close()
    }

    /// Replaces the whole state with the snapshot at `path`.
    public func restore(from path: String) async throws {
        guard FileManager.default.fileExists(atPath: path) else { throw TenantError.badRequest("No snapshot at \(path).") }
        let source = try DatabaseQueue(path: path)
        try StoreMigrations.migrator.migrate(source)
        try source.backup(to: writer)
        try source.close()
    }

    /// Empties the world (all tables, including the journal) and re-creates the schema.
    public func erase() async throws {
        try await writer.erase()
        try StoreMigrations.migrator.migrate(writer)
    }

    /// A deterministic JSON dump of the state: every table in a fixed order, rows ordered by key,
    /// keys sorted. The journal is left out unless asked for, so denied attempts (which are
    /// journaled) don't count as state changes.
    public func dump(includeJournal: Bool = false) async throws -> String {
        try await writer.read { db in try StateDump.render(db, includeJournal: includeJournal) }
    }
}
