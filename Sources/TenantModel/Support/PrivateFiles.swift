import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Owner-only files and folders for everything TenantSim keeps next to a state: the state file
/// and its WAL/SHM companions, key files, snapshots. Folders are 0700 and files 0600 from the
/// moment they exist (created with that mode, not tightened afterwards).
public enum PrivateFiles {
    public static let fileMode: mode_t = 0o600
    public static let folderMode: mode_t = 0o700

    /// Creates `path` and any missing parents as owner-only folders. Folders that already exist are
    /// left as they are (a `--state /tmp/x` must not change `/tmp`), except `path` itself when
    /// `tighten` is set.
    public static func createFolder(_ path: String, tighten: Bool = true) throws {
        guard !path.isEmpty else { return }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw POSIXError(.ENOTDIR) }
            if tighten { _ = chmod(path, folderMode) }
            return
        }
        try createFolder(parent(of: path), tighten: false)
        if mkdir(path, folderMode) != 0 && errno != EEXIST { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        _ = chmod(path, folderMode)  // mkdir's mode is filtered by the umask
    }

    /// `path` without its last component (`""` for a bare name, `/` for a top-level folder).
    /// (Foundation's `deletingLastPathComponent` crashes on some one-character names on Linux.)
    public static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// Creates an empty owner-only file at `path` if nothing is there. Returns whether it created it.
    @discardableResult
    public static func createFile(_ path: String) throws -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        if descriptor < 0 {
            if errno == EEXIST { return false }
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        _ = fchmod(descriptor, fileMode)
        close(descriptor)
        return true
    }

    /// Writes `data` to `path` as an owner-only file, atomically (a temporary file renamed into place).
    public static func write(_ data: Data, to path: String) throws {
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        _ = fchmod(descriptor, fileMode)
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }

    /// Sets `path` to owner-only if it exists and is a regular file (symbolic links are not followed).
    public static func tighten(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return }
        _ = chmod(path, fileMode)
    }
}
