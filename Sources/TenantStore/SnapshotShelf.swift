import Foundation
import GRDB
import TenantModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a store keeps its named snapshots. A file store keeps `<name>.sqlite` files in one
/// owner-only folder next to the state; an in-memory store keeps in-memory databases. A name is
/// letters, digits, `-` and `_` (at most 64), so no request can name a path; nothing outside the
/// folder is written or deleted, and no folder is ever deleted.
final class SnapshotShelf: @unchecked Sendable {
    let folder: String?
    private let lock = NSLock()
    private var memory: [String: DatabaseQueue] = [:]

    init(folder: String?) { self.folder = folder }

    static let maximumLength = 64

    /// `name` if it is a valid snapshot name; Graph's 400 shape otherwise.
    static func validate(_ name: String) throws -> String {
        let allowed = name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
        }
        guard !name.isEmpty, name.utf8.count <= maximumLength, allowed else {
            throw TenantError.badRequest(
                "A snapshot name is 1 to \(maximumLength) letters, digits, '-' and '_' (not a path), not '\(name.prefix(80))'.", code: "BadRequest")
        }
        return name
    }

    func file(_ name: String, in folder: String) -> String { folder + "/" + name + ".sqlite" }

    /// Copies `writer` into the snapshot `name`: into a new private file in the folder that is then
    /// renamed over the old snapshot (a rename replaces a file or a link, never a folder's contents).
    func save(_ name: String, from writer: any DatabaseWriter) throws {
        guard let folder else {
            let copy = try DatabaseQueue()
            try writer.backup(to: copy)
            lock.withLock { memory[name] = copy }
            return
        }
        try PrivateFiles.createFolder(folder)
        let target = file(name, in: folder)
        var info = stat()
        if lstat(target, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw TenantError.badRequest("A folder is in the way of snapshot '\(name)'; TenantSim never deletes folders.", code: "BadRequest")
        }
        let temporary = folder + "/.\(name).\(getpid())-\(UInt32.random(in: 0...UInt32.max)).partial"
        guard try PrivateFiles.createFile(temporary) else { throw TenantError.internal("snapshot temporary file exists") }
        do {
            let destination = try DatabaseQueue(path: temporary)
            try writer.backup(to: destination)
            try destination.close()
            guard rename(temporary, target) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            unlink(temporary)
            unlink(temporary + "-journal")
            throw error
        }
    }

    /// The snapshot `name`, read-only; 404 when there is none.
    func open(_ name: String) throws -> DatabaseQueue {
        guard let folder else {
            guard let database = lock.withLock({ memory[name] }) else { throw Self.missing(name) }
            let copy = try DatabaseQueue()
            try database.backup(to: copy)
            return copy
        }
        let path = file(name, in: folder)
        var info = stat()
        guard lstat(path, &info) == 0 else { throw Self.missing(name) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw TenantError.badRequest("Snapshot '\(name)' is not a regular file.", code: "BadRequest")
        }
        var configuration = Configuration()
        configuration.readonly = true
        do {
            // Copied into memory so that validation and restore never change the file.
            let file = try DatabaseQueue(path: path, configuration: configuration)
            let copy = try DatabaseQueue()
            try file.backup(to: copy)
            try file.close()
            return copy
        } catch {
            throw TenantError.badRequest("Snapshot '\(name)' is not a TenantSim state (not a readable SQLite database).", code: "BadRequest")
        }
    }

    func names() throws -> [String] {
        guard let folder else { return lock.withLock { memory.keys.sorted() } }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return entries.filter { $0.hasSuffix(".sqlite") && !$0.hasPrefix(".") }.map { String($0.dropLast(7)) }.sorted()
    }

    static func missing(_ name: String) -> TenantError {
        TenantError(status: 404, code: "Request_ResourceNotFound", message: "There is no snapshot named '\(name)'.")
    }
}
