import Foundation
import TenantModel
import TenantRules
import TenantStore

/// The in-process fake tenant: one method per operation, each run as one SQLite transaction that
/// loads what it needs, asks the rules, and — only if permitted — changes state and appends a
/// journal entry. Denials are journaled too and change nothing else.
///
/// Every method throws only ``TenantError``.
public final class TenantEngine: Sendable {
    public let store: TenantStore
    public let environment: TenantEnvironment

    /// Opens an engine on `store`, initialising the world clock and seed on first use.
    public init(store: TenantStore, environment: TenantEnvironment = .standard) async throws(TenantError) {
        self.store = store
        self.environment = environment
        let start: Date? = if case .manual(let start) = environment.clock { start } else { nil }
        let seed = environment.seed
        _ = try await Self.guarded { try await store.write { tx in try tx.initializeWorld(seed: seed, now: start) } }
    }

    /// An engine on a fresh in-memory store.
    public static func inMemory(environment: TenantEnvironment = .standard) async throws(TenantError) -> TenantEngine {
        let store: TenantStore
        do { store = try TenantStore.inMemory() } catch { throw .internal("\(error)") }
        return try await TenantEngine(store: store, environment: environment)
    }

    /// Whether the state lives only in memory (scenario runs, tests): nothing it holds outlives the process.
    public var isInMemory: Bool { store.path == nil }

    /// Bumped whenever the clock settings, a tenant, or the whole state (reset, restore) change:
    /// caches of values derived from the state (parsed signing keys) compare it to stay current.
    public var stateGeneration: UInt64 { store.generation }

    /// An engine on the state file at `path` (created empty when missing; WAL, owner-only).
    public static func onFile(at path: String, environment: TenantEnvironment = .standard) async throws(TenantError) -> TenantEngine {
        let store: TenantStore
        do { store = try TenantStore.file(at: path) } catch { throw .internal("\(error)") }
        return try await TenantEngine(store: store, environment: environment)
    }

    /// Runs an operation: one transaction in which `body` decides and writes. A thrown rule denial
    /// rolls back anything `body` wrote, is journaled, and is rethrown; other errors roll back
    /// everything and are not journaled.
    func perform<T: Sendable>(
        _ operation: TenantOperation, caller: Caller, tenantId: TenantID?, requestId: String? = nil,
        _ body: @escaping @Sendable (OperationScope) throws -> T
    ) async throws(TenantError) -> T {
        let ids = environment.ids
        let result: Result<T, TenantError> = try await Self.guarded {
            try await store.write { tx in
                let scope = OperationScope(tx: tx, now: try tx.now(), ids: ids, caller: caller, tenantId: tenantId)
                // Background syncs that came due happen first, whatever the operation's outcome.
                try Consistency.applyDueSyncs(scope)
                do {
                    let value = try tx.savepoint { try body(scope) }
                    try scope.afterSuccess()
                    try tx.append(scope.journalEntry(operation: operation, outcome: .succeeded, ruleIds: [], requestId: requestId))
                    return .success(value)
                } catch let error as TenantError where !error.ruleIds.isEmpty {
                    for change in scope.keptOnDenial { try change() }
                    var entry = scope.journalEntry(operation: operation, outcome: .denied, ruleIds: error.ruleIds, requestId: requestId)
                    entry.detail = error.message
                    try tx.append(entry)
                    return .failure(error)
                }
            }
        }
        return try result.get()
    }

    /// Maps any error to ``TenantError``: rule and input errors pass through, anything else
    /// (SQLite, I/O) becomes an opaque internal error.
    static func guarded<T>(_ body: () async throws -> T) async throws(TenantError) -> T {
        do { return try await body() } catch let error as TenantError { throw error } catch { throw .internal("\(error)") }
    }

    /// Reads in one consistent snapshot.
    func read<T: Sendable>(_ body: @escaping @Sendable (StoreTransaction) throws -> T) async throws(TenantError) -> T {
        try await Self.guarded { try await store.read(body) }
    }
}
