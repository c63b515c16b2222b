import Foundation
import GRDB
import TenantEngine
import TenantModel
import TenantStore
import Testing

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

    @Test("a snapshot restores the exact state, undoing later changes", arguments: [false, true])
    func snapshotRestore(onFile: Bool) async throws {
        let (engine, world) = try await onFile ? TestWorld.engine(path: temporaryPath("state.sqlite")) : TestWorld.engine()
        let before = try await engine.dump()
        try await engine.snapshot(named: "before-invite")
        _ = try await engine.createInvitation(
            invite("pat@fabrikam.com"), in: world.tenant("contoso"), by: world.portal("admin@contoso.com", in: "contoso"))
        #expect(try await engine.dump() != before)
        try await engine.restore(named: "before-invite")
        #expect(try await engine.dump() == before)
        #expect(try await engine.snapshotNames() == ["before-invite"])
    }

    @Test(
        "a snapshot name that is a path is refused and nothing on disk changes",
        arguments: ["../escape", "/tmp/evil", "a/b", "..", ".", "", "name with space", "x.sqlite", String(repeating: "a", count: 65)])
    func snapshotNamesArePlain(name: String) async throws {
        let path = temporaryPath("state.sqlite")
        let (engine, _) = try await TestWorld.engine(path: path)
        let parent = (path as NSString).deletingLastPathComponent
        let before = try FileManager.default.subpathsOfDirectory(atPath: parent).sorted()
        await #expect { try await engine.snapshot(named: name) } throws: { error in
            (error as? TenantError)?.status == 400 && (error as? TenantError)?.message.contains("not a path") == true
        }
        await #expect { try await engine.restore(named: name) } throws: { error in (error as? TenantError)?.status == 400 }
        // Only the store's own files (and possibly its WAL companions) exist; no snapshot folder was made.
        let after = try FileManager.default.subpathsOfDirectory(atPath: parent).sorted()
        #expect(after.filter { !$0.hasPrefix("state.sqlite") } == before.filter { !$0.hasPrefix("state.sqlite") })
        #expect(!after.contains("state.sqlite.snapshots"))
    }

    @Test("a folder in the way of a snapshot is never deleted")
    func snapshotNeverDeletesFolders() async throws {
        let path = temporaryPath("state.sqlite")
        let (engine, _) = try await TestWorld.engine(path: path)
        let blocker = path + ".snapshots/class.sqlite"
        try FileManager.default.createDirectory(atPath: blocker + "/inside", withIntermediateDirectories: true)
        await #expect { try await engine.snapshot(named: "class") } throws: { error in (error as? TenantError)?.status == 400 }
        #expect(FileManager.default.fileExists(atPath: blocker + "/inside"))
    }

    @Test("restoring a file that is not a TenantSim state answers 400 and keeps the world")
    func restoreChecksTheFile() async throws {
        let path = temporaryPath("state.sqlite")
        let (engine, _) = try await TestWorld.engine(path: path)
        let before = try await engine.dump()
        let folder = path + ".snapshots"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("not a database at all".utf8).write(to: URL(fileURLWithPath: folder + "/garbage.sqlite"))
        let other = try DatabaseQueue(path: folder + "/foreign.sqlite")
        try await other.write { db in try db.execute(sql: "CREATE TABLE customers (id INTEGER PRIMARY KEY)") }
        try other.close()
        for name in ["garbage", "foreign"] {
            await #expect { try await engine.restore(named: name) } throws: { error in
                (error as? TenantError)?.status == 400 && (error as? TenantError)?.message.contains("not a TenantSim state") == true
            }
        }
        await #expect { try await engine.restore(named: "missing") } throws: { error in (error as? TenantError)?.status == 404 }
        #expect(try await engine.dump() == before)
    }

    @Test("the state file, its WAL and SHM and the snapshot folder are owner-only")
    func filesAreOwnerOnly() async throws {
        let path = temporaryPath("state.sqlite")
        let (engine, _) = try await TestWorld.engine(path: path)
        try await engine.snapshot(named: "one")
        for file in [path, path + "-wal", path + "-shm", path + ".snapshots/one.sqlite"] {
            #expect(try mode(file) == 0o600, "\(file)")
        }
        #expect(try mode(path + ".snapshots") == 0o700)
    }

    @Test("a new state is created whole: a state file exists only with its world in it")
    func stateCreationIsAtomic() async throws {
        let path = temporaryPath("atomic/.tenantsim/state.sqlite")
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
        // A creator that dies while building leaves nothing behind.
        await #expect(throws: (any Error).self) {
            _ = try await TenantEngine.openOrCreate(at: path, environment: .standard) { _ in throw CancellationError() }
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        let (engine, created) = try await TenantEngine.openOrCreate(at: path, environment: .standard) { engine in
            try await engine.loadWorld(TestWorld.spec)
        }
        #expect(created)
        #expect(try await engine.tenants().count == TestWorld.spec.tenants.count)
        #expect(try mode((path as NSString).deletingLastPathComponent) == 0o700)
        // The second opener finds it complete and builds nothing.
        let (again, createdAgain) = try await TenantEngine.openOrCreate(at: path, environment: .standard) { _ in Issue.record("built twice") }
        #expect(!createdAgain)
        #expect(try await again.tenants().count == TestWorld.spec.tenants.count)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent).filter {
            $0.contains("creating")
        }
        #expect(leftovers.isEmpty)
    }

    func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? Int ?? -1) & 0o777
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
