import Foundation
import Testing
import TenantEngine
import TenantModel
import TenantStore

@Suite("The store: files, WAL, snapshots and the journal")
struct SnapshotTests {
    func temporaryPath(_ name: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenantsim-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    @Test("a file store runs in WAL mode and keeps the world across reopen")
    func fileStore() async throws {
        let path = temporaryPath("world.sqlite")
        do {
            let engine = try await TenantEngine(store: try TenantStore.file(at: path))
            try await engine.loadWorld(TestWorld.spec)
            #expect(try await engine.store.journalMode() == "wal")
        }
        let reopened = try await TenantEngine(store: try TenantStore.file(at: path))
        #expect(try await reopened.tenants().count == TestWorld.spec.tenants.count)
    }

    @Test("a snapshot restores the exact state, undoing later changes")
    func snapshotRestore() async throws {
        let (engine, world) = try await TestWorld.engine()
        let path = temporaryPath("snapshot.sqlite")
        let before = try await engine.dump()
        try await engine.snapshot(to: path)
        _ = try await engine.createInvitation(invite("pat@fabrikam.com"), in: world.tenant("contoso"), by: world.portal("admin@contoso.com", in: "contoso"))
        #expect(try await engine.dump() != before)
        try await engine.restore(from: path)
        #expect(try await engine.dump() == before)
    }

    @Test("the journal records actor, tenant, operation, target, outcome and request id, and can't be edited")
    func journal() async throws {
        let (engine, world) = try await TestWorld.engine()
        let result = try await engine.createInvitation(
            invite("pat@fabrikam.com"), in: world.tenant("contoso"), by: world.portal("admin@contoso.com", in: "contoso"), requestId: "req-1")
        let entry = try #require(await engine.journal().last)
        #expect(entry.operation == "createInvitation")
        #expect(entry.actor == world.user("admin@contoso.com").rawValue)
        #expect(entry.tenantId == world.tenant("contoso"))
        #expect(entry.target == result.user.id.rawValue)
        #expect(entry.outcome == .succeeded)
        #expect(entry.requestId == "req-1")
        await #expect(throws: (any Error).self) {
            try await engine.store.write { tx in try tx.savepoint { try tx.deleteJournalForTesting() } }
        }
    }
}
