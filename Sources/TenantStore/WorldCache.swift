import Foundation
import TenantModel

/// What almost every request reads and almost no request changes — the world clock's settings and
/// the tenants — kept in memory so that authenticating a request needs no SQLite read once warm.
///
/// Writes that change them (the clock, a tenant row, erase, restore) mark their transaction; the
/// store bumps ``generation`` and clears the cache after such a transaction commits. A reader
/// fills the cache only if the generation it started under is still current, so a value read
/// before a commit can't outlive it.
final class WorldCache: @unchecked Sendable {
    private let lock = NSLock()
    private var generationValue: UInt64 = 0
    private var meta: WorldMeta?
    private var tenants: [String: Tenant] = [:]

    var generation: UInt64 { lock.withLock { generationValue } }

    func cachedMeta() -> WorldMeta? { lock.withLock { meta } }

    func cachedTenant(_ id: String) -> Tenant? { lock.withLock { tenants[id] } }

    func remember(meta value: WorldMeta, readAt generation: UInt64) {
        lock.withLock { if generation == generationValue { meta = value } }
    }

    func remember(tenant value: Tenant, readAt generation: UInt64) {
        lock.withLock { if generation == generationValue { tenants[value.id.rawValue] = value } }
    }

    /// After a commit that changed the clock or a tenant, or an erase or restore.
    func invalidate() {
        lock.withLock {
            generationValue &+= 1
            meta = nil
            tenants = [:]
        }
    }
}

/// Marks set by one write transaction: what it changed that ``WorldCache`` holds.
final class TransactionChanges: @unchecked Sendable {
    private let lock = NSLock()
    private var changedValue = false

    func markWorldChanged() { lock.withLock { changedValue = true } }

    var changedWorld: Bool { lock.withLock { changedValue } }
}
