import NIOConcurrencyHelpers

/// Counts open connections against ``ConnectionLimits/maximumConnections``.
final class ConnectionCounter: Sendable {
    private let open = NIOLockedValueBox(0)
    let maximum: Int

    init(maximum: Int) { self.maximum = maximum }

    /// Takes a place; `false` when every place is taken.
    func acquire() -> Bool {
        open.withLockedValue { count in
            guard count < maximum else { return false }
            count += 1
            return true
        }
    }

    func release() { open.withLockedValue { $0 -= 1 } }

    var current: Int { open.withLockedValue { $0 } }
}
