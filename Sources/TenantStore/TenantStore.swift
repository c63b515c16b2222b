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
    /// Named snapshots: files in ``snapshotFolder`` for a file store, databases in memory otherwise.
    let snapshots: SnapshotShelf
    /// The wall clock system-clock worlds read; injected so tests can pin it.
    let wallClock: @Sendable () -> Date
    private let counter = TransactionCounter()
    let cache = WorldCache()

    /// How many transactions (reads and writes) the store has run: tests and benchmarks use it to
    /// show that a request does a bounded amount of work (no query per listed item).
    public var transactionCount: Int { counter.value }

    init(writer: any DatabaseWriter, path: String?, wallClock: @escaping @Sendable () -> Date) throws {
        self.writer = writer
        self.path = path
        self.wallClock = wallClock
        self.snapshots = SnapshotShelf(folder: path.map { $0 + ".snapshots" })
        try StoreMigrations.migrator.migrate(writer)
    }

    /// A store in memory (tests, scenarios).
    public static func inMemory(wallClock: @escaping @Sendable () -> Date = { Date() }) throws -> TenantStore {
        try TenantStore(writer: DatabaseQueue(configuration: configuration()), path: nil, wallClock: wallClock)
    }

    /// A store in a file, in WAL mode. The file is created when missing, owner-only (0600), and
    /// SQLite gives its WAL and SHM files the same mode.
    public static func file(at path: String, wallClock: @escaping @Sendable () -> Date = { Date() }) throws -> TenantStore {
        try PrivateFiles.createFile(path)
        for companion in [path, path + "-wal", path + "-shm"] { PrivateFiles.tighten(companion) }
        let pool = try DatabasePool(path: path, configuration: configuration())
        return try TenantStore(writer: pool, path: path, wallClock: wallClock)
    }

    /// Writes the whole state into a new owner-only file at `path` (which must not exist) in one
    /// backup, closed and synced before it returns: the building block of atomic state creation.
    public func copy(toNewFile path: String) throws {
        guard try PrivateFiles.createFile(path) else { throw TenantError.internal("\(path) exists already") }
        let destination = try DatabaseQueue(path: path)
        try writer.backup(to: destination)
        try destination.close()
    }

    /// The folder of a file store's named snapshots (`<state>.snapshots`), `nil` in memory.
    public var snapshotFolder: String? { snapshots.folder }

    /// Whether `database` holds a TenantSim state this release can open: SQLite that passes
    /// `quick_check`, with GRDB's migration table naming only migrations this release knows,
    /// starting with the first.
    static func validateState(_ database: any DatabaseReader) throws {
        let known = Set(StoreMigrations.migrator.migrations)
        let applied: [String]
        do {
            applied = try database.read { db -> [String] in
                guard try String.fetchOne(db, sql: "PRAGMA quick_check") == "ok" else { return [] }
                guard try db.tableExists("grdb_migrations") else { return [] }
                return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            }
        } catch {
            throw TenantError.badRequest("The snapshot is not a TenantSim state (not a readable SQLite database).", code: "BadRequest")
        }
        guard let first = StoreMigrations.migrator.migrations.first, applied.contains(first) else {
            throw TenantError.badRequest("The snapshot is not a TenantSim state (no TenantSim schema).", code: "BadRequest")
        }
        if let unknown = applied.first(where: { !known.contains($0) }) {
            throw TenantError.badRequest(
                "The snapshot was written by a newer TenantSim (unknown migration '\(unknown)'); this release can't restore it.", code: "BadRequest")
        }
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
        let wallClock = self.wallClock
        counter.increment()
        let changes = TransactionChanges()
        do {
            let value = try await writer.write { db in try body(StoreTransaction(db: db, wallClock: wallClock, changes: changes)) }
            if changes.changedWorld { cache.invalidate() }
            return value
        } catch {
            if changes.changedWorld { cache.invalidate() }
            throw error
        }
    }

    /// The world's current instant, from memory once warm (see ``WorldCache``).
    public func now() async throws -> Date {
        if let meta = cache.cachedMeta() { return StoreTransaction.instant(meta, wallClock: wallClock) }
        let generation = cache.generation
        let wallClock = self.wallClock
        counter.increment()
        let meta = try await writer.read { db in try StoreTransaction(db: db, wallClock: wallClock).meta() }
        guard let meta else { throw TenantError.internal("world not initialised") }
        cache.remember(meta: meta, readAt: generation)
        return StoreTransaction.instant(meta, wallClock: wallClock)
    }

    /// The tenant with id `id`, from memory once warm (`nil` when there is none).
    public func tenant(id: TenantID) async throws -> Tenant? {
        if let tenant = cache.cachedTenant(id.rawValue) { return tenant }
        let generation = cache.generation
        let wallClock = self.wallClock
        counter.increment()
        let tenant = try await writer.read { db in try StoreTransaction(db: db, wallClock: wallClock).tenant(id) }
        if let tenant { cache.remember(tenant: tenant, readAt: generation) }
        return tenant
    }

    /// Bumped whenever the clock settings, a tenant, or the whole state changes: caches of derived
    /// values (signing keys) compare it to know they are current.
    public var generation: UInt64 { cache.generation }

    /// Runs `body` against a consistent read-only snapshot.
    public func read<T: Sendable>(_ body: @escaping @Sendable (StoreTransaction) throws -> T) async throws -> T {
        let wallClock = self.wallClock
        counter.increment()
        return try await writer.read { db in try body(StoreTransaction(db: db, wallClock: wallClock)) }
    }

    /// Saves the whole state as the snapshot `name` (letters, digits, `-`, `_`), replacing an
    /// earlier snapshot of that name. Nothing outside the snapshot folder is touched.
    public func snapshot(named name: String) async throws {
        let name = try SnapshotShelf.validate(name)
        try snapshots.save(name, from: writer)
    }

    /// Replaces the whole state with the snapshot `name`, after checking it is a TenantSim state.
    public func restore(named name: String) async throws {
        let name = try SnapshotShelf.validate(name)
        let source = try snapshots.open(name)
        try Self.validateState(source)
        defer { cache.invalidate() }
        try source.backup(to: writer)
        try StoreMigrations.migrator.migrate(writer)
    }

    /// The names of the saved snapshots, sorted.
    public func snapshotNames() throws -> [String] { try snapshots.names() }

    /// Empties the world (all tables, including the journal) and re-creates the schema.
    public func erase() async throws {
        defer { cache.invalidate() }
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
