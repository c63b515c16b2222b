import Foundation
import TenantEngine
import TenantModel
import TenantStore
import Testing

@Suite("The world clock: manual or wall clock")
struct ClockTests {
    @Test("a system clock follows the wall clock, and advancing it adds an offset instead of failing")
    func systemClockOffset() async throws {
        let engine = try await TenantEngine.inMemory(environment: TenantEnvironment(seed: 1, clock: .system))
        let before = Date()
        let now = try await engine.now()
        #expect(abs(now.timeIntervalSince(before)) < 60)
        let advanced = try await engine.advanceClock(by: 7200)
        #expect(advanced.timeIntervalSince(before) >= 7200)
        let later = try await engine.now()
        #expect(later.timeIntervalSince(before) >= 7200 && later.timeIntervalSince(before) < 7200 + 60)
    }

    @Test("a system-clock world reads the store's injected wall clock, plus its offset")
    func injectedWallClock() async throws {
        final class Wall: @unchecked Sendable {
            let lock = NSLock()
            var instant = Date(timeIntervalSince1970: 1_800_000_000)
            func now() -> Date { lock.withLock { instant } }
            func move(by seconds: TimeInterval) { lock.withLock { instant = instant.addingTimeInterval(seconds) } }
        }
        let wall = Wall()
        let store = try TenantStore.inMemory(wallClock: { wall.now() })
        let engine = try await TenantEngine(store: store, environment: TenantEnvironment(seed: 1, clock: .system))
        #expect(try await engine.now() == Date(timeIntervalSince1970: 1_800_000_000))
        wall.move(by: 30)
        #expect(try await engine.now() == Date(timeIntervalSince1970: 1_800_000_030))
        try await engine.advanceClock(by: 3600)
        wall.move(by: 10)
        #expect(try await engine.now() == Date(timeIntervalSince1970: 1_800_003_640))
    }

    @Test("useClock pins a manual clock at an instant, and switches back to the wall clock without offset")
    func switchingClocks() async throws {
        let engine = try await TenantEngine.inMemory(environment: TenantEnvironment(seed: 1, clock: .system))
        let pinned = try #require(ISO8601DateFormatter().date(from: "2025-01-01T00:00:00Z"))
        try await engine.useClock(.manual(start: pinned))
        #expect(try await engine.now() == pinned)
        #expect(try await engine.advanceClock(by: 60) == pinned.addingTimeInterval(60))
        try await engine.advanceClock(by: 0)
        try await engine.useClock(.system)
        #expect(abs(try await engine.now().timeIntervalSinceNow) < 60)
    }
}
