import Foundation

/// Everything non-deterministic, injected: the seed for identifiers and where time comes from.
///
/// Nothing in TenantSim reads the system clock or a random source except through this value.
/// A scenario uses `.manual(start:)`; time then moves only through explicit `advance` steps, and
/// the same seed with the same operations yields byte-identical state.
public struct TenantEnvironment: Sendable, Hashable {
    /// Where the current instant comes from.
    public enum Clock: Sendable, Hashable {
        /// Time starts at `start` and moves only when advanced explicitly.
        case manual(start: Date)
        /// Wall-clock time (for `tenantsim serve` without a scenario).
        case system
    }

    public var seed: UInt64
    public var clock: Clock

    public init(seed: UInt64, clock: Clock) {
        self.seed = seed
        self.clock = clock
    }

    /// Seed 1, starting 2025-01-01T00:00:00Z: what tests and examples use unless they say otherwise.
    public static let standard = TenantEnvironment(
        seed: 1, clock: .manual(start: Date(timeIntervalSince1970: 1_735_689_600)))

    public var ids: DeterministicIDGenerator { DeterministicIDGenerator(seed: seed) }
}
