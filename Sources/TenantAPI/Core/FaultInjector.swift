import Foundation
import NIOConcurrencyHelpers
import TenantModel

/// Emulated throttling and outages: the next `count` calls of an operation answer `status` (429 or
/// 503) with an integer `Retry-After`. Operations are named by route (`createInvitation`,
/// `assignLicense`, …) or `*` for every emulated route; an unknown name is refused with the list.
public final class FaultInjector: Sendable {
    public struct Fault: Codable, Sendable, Hashable {
        /// An operation's name, or `*` for every one.
        public var operation: String
        public var status: Int
        public var remaining: Int
        public var retryAfter: Int

        public init(operation: String, status: Int, remaining: Int, retryAfter: Int) {
            self.operation = operation
            self.status = status
            self.remaining = remaining
            self.retryAfter = retryAfter
        }
    }

    let faults = NIOLockedValueBox<[Fault]>([])

    public init() {}

    /// Adds a fault. `status` must be 429, 503 or 504; `retryAfter` a whole number ≥ 1 (the Graph
    /// SDK's retry handler can't parse fractions and treats 0 as absent).
    public func add(_ fault: Fault) throws {
        guard fault.operation == "*" || TenantOperation.named(fault.operation) != nil else {
            let valid = TenantOperation.all.map(\.rawValue).joined(separator: ", ")
            throw TenantError.badRequest("There is no operation '\(fault.operation.prefix(80))'; a fault names one of: *, \(valid).")
        }
        guard [429, 503, 504].contains(fault.status) else { throw TenantError.badRequest("Faults are 429, 503 or 504.") }
        guard fault.retryAfter >= 1 else { throw TenantError.badRequest("retryAfter must be a whole number of seconds ≥ 1.") }
        guard fault.remaining >= 1 else { throw TenantError.badRequest("count must be ≥ 1.") }
        faults.withLockedValue { $0.append(fault) }
    }

    public func list() -> [Fault] { faults.withLockedValue { $0 } }

    public func clear() { faults.withLockedValue { $0.removeAll() } }

    /// Consumes one pending fault for `operation`, if any.
    public func take(_ operation: TenantOperation) -> Fault? {
        faults.withLockedValue { faults in
            guard let index = faults.firstIndex(where: { $0.operation == operation.rawValue || $0.operation == "*" }) else { return nil }
            let fault = faults[index]
            faults[index].remaining -= 1
            if faults[index].remaining <= 0 { faults.remove(at: index) }
            return fault
        }
    }
}
