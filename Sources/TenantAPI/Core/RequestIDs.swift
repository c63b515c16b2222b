import NIOConcurrencyHelpers
import TenantModel

/// Request ids: GUIDs from the world's seed and a per-server counter, so a replayed scenario sees
/// the same ids.
final class RequestIDs: Sendable {
    let generator: DeterministicIDGenerator
    let counter = NIOLockedValueBox<UInt64>(0)

    init(seed: UInt64) { generator = DeterministicIDGenerator(seed: seed) }

    func next() -> String {
        let value = counter.withLockedValue { value in
            defer { value += 1 }
            return value
        }
        return generator.guid(kind: "request", counter: value)
    }
}
