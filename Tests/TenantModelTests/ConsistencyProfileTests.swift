import Foundation
import TenantModel
import Testing

@Suite("Consistency profiles: seeded delays within their documented bounds")
struct ConsistencyProfileTests {
    @Test("over 1,000 seeds every delay lies within its bounds, and the draws spread over them", arguments: ConsistencyProfile.Delay.allCases)
    func delaysWithinBounds(kind: ConsistencyProfile.Delay) {
        var seen: Set<Int> = []
        for seed in UInt64(0)..<1000 {
            let delay = ConsistencyProfile.realistic.delay(kind, key: "a9fad0d0-f2a9-4733-99a6-7e37b0861661", seed: seed)
            #expect(kind.bounds.contains(Int(delay)), "seed \(seed): \(delay)")
            #expect(delay == delay.rounded())
            seen.insert(Int(delay))
        }
        // Not a constant: the draws cover most of the range.
        #expect(seen.count > min(kind.bounds.count, 1000) / 2)
    }

    @Test("the same seed and key give the same delay; another key or seed usually another")
    func deterministic() {
        let profile = ConsistencyProfile.realistic
        let first = profile.delay(.replication, key: "user-1", seed: 7)
        #expect(profile.delay(.replication, key: "user-1", seed: 7) == first)
        #expect(profile.delay(.replication, key: "USER-1", seed: 7) == first)
        let others = (0..<20).map { profile.delay(.replication, key: "user-\($0)", seed: 7) }
        #expect(Set(others).count > 1)
    }

    @Test("the immediate profile never delays")
    func immediate() {
        for kind in ConsistencyProfile.Delay.allCases { #expect(ConsistencyProfile.immediate.delay(kind, key: "x", seed: 1) == 0) }
    }
}
