import Foundation
import TenantEngine
import TenantModel
import Testing

@Suite("Seeded worlds are deterministic")
struct DeterminismTests {
    func run(seed: UInt64) async throws -> String {
        let (engine, world) = try await TestWorld.engine(seed: seed)
        let contoso = world.tenant("contoso")
        let admin = world.portal("admin@contoso.com", in: "contoso")
        let guest = try await engine.createInvitation(invite("pat@fabrikam.com", send: true), in: contoso, by: admin)
        _ = try await engine.redeemInvitation(guest.invitation.ticket)
        try await engine.advanceClock(by: 3600)
        try await engine.updateUser(guest.user.id.rawValue, in: contoso, patch: UserPatch(givenName: "Pat", usageLocation: "GB"), by: admin)
        let sku = try #require(await engine.sku("POWERAPPS_PER_USER", in: contoso))
        try await engine.assignLicense(to: guest.user.id.rawValue, in: contoso, add: [LicenseToAdd(skuId: sku.skuId)], remove: [], by: admin)
        return try await engine.dump(includeJournal: true)
    }

    @Test("the same seed and the same operations give byte-identical state dumps")
    func sameSeedSameBytes() async throws {
        let first = try await run(seed: 42)
        let second = try await run(seed: 42)
        #expect(first == second)
        #expect(first.contains("pat_fabrikam.com#EXT#@contoso.onmicrosoft.com"))
    }

    @Test("a different seed gives different identifiers")
    func differentSeed() async throws {
        #expect(try await run(seed: 1) != run(seed: 2))
    }

    @Test("identifiers derive from seed, kind and counter, so one kind never shifts another")
    func idsIndependentPerKind() {
        let ids = DeterministicIDGenerator(seed: 7)
        #expect(ids.guid(kind: "user", counter: 3) == DeterministicIDGenerator(seed: 7).guid(kind: "user", counter: 3))
        #expect(ids.guid(kind: "user", counter: 3) != ids.guid(kind: "group", counter: 3))
        #expect(ids.guid(kind: "user", counter: 0).count == 36)
    }

    @Test("time moves only when advanced")
    func clock() async throws {
        let (engine, _) = try await TestWorld.engine()
        let start = try await engine.now()
        #expect(start == Date(timeIntervalSince1970: 1_735_689_600))
        #expect(try await engine.now() == start)
        try await engine.advanceClock(by: 90)
        #expect(try await engine.now() == start.addingTimeInterval(90))
    }
}
