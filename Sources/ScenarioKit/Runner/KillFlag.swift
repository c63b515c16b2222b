import Foundation

/// Set once when a timeout kills a command.
final class KillFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var fired = false

    func set() { lock.withLock { fired = true } }
    var value: Bool { lock.withLock { fired } }
}
