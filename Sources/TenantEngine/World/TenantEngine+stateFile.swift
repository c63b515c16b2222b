import Foundation
import TenantModel
import TenantStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension TenantEngine {
    /// Opens the state file at `path`, creating it first when missing. A new state is built in
    /// memory by `build`, written to a private temporary file next to `path`, and linked into place
    /// only when complete, so a process killed at any moment leaves either no state or a whole one —
    /// never a migrated but empty file. Leftovers of killed creators are removed. Returns the engine
    /// and whether this call created the state.
    public static func openOrCreate(
        at path: String, environment: TenantEnvironment, build: @Sendable (TenantEngine) async throws -> Void
    ) async throws -> (engine: TenantEngine, created: Bool) {
        let directory = PrivateFiles.parent(of: path)
        // A folder TenantSim owns (`.tenantsim`) is made owner-only; a folder named by the user is only created if missing.
        try PrivateFiles.createFolder(directory, tighten: directory == ".tenantsim" || directory.hasSuffix("/.tenantsim"))
        removeAbandonedCreations(of: path)
        var created = false
        if !FileManager.default.fileExists(atPath: path) {
            let scratch = try await TenantEngine.inMemory(environment: environment)
            try await build(scratch)
            let temporary = "\(path).creating-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            defer { unlink(temporary) }
            try scratch.store.copy(toNewFile: temporary)
            // link(2) never replaces: if another process created the state meanwhile, theirs stands.
            if link(temporary, path) == 0 {
                created = true
            } else if errno != EEXIST {
                throw TenantError.internal("could not create \(path): \(String(cString: strerror(errno)))")
            }
        }
        let engine = try await TenantEngine(store: try TenantStore.file(at: path), environment: environment)
        return (engine, created)
    }

    /// Removes `<path>.creating-<pid>-…` files whose creating process is gone.
    static func removeAbandonedCreations(of path: String) {
        let directory = PrivateFiles.parent(of: path)
        let prefix = String(path.split(separator: "/").last ?? "") + ".creating-"
        let folder = directory.isEmpty ? "." : directory
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where entry.hasPrefix(prefix) {
            let pid = pid_t(entry.dropFirst(prefix.count).prefix { $0.isNumber }) ?? 0
            let alive = pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
            if !alive { unlink(folder + "/" + entry) }
        }
    }
}
