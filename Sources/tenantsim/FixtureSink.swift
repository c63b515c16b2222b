import Foundation
import TenantModel

/// Where a streamed fixture goes: an owner-only file, or standard output.
final class FixtureSink {
    let handle: FileHandle

    init(path: String?) throws {
        guard let path else {
            handle = .standardOutput
            return
        }
        // A new file is owner-only; an existing one is overwritten in place (never removed: it may be /dev/null).
        if !FileManager.default.fileExists(atPath: path) { _ = try PrivateFiles.createFile(path) }
        guard let file = FileHandle(forWritingAtPath: path) else { throw ConfigurationError("Can't write \(path).") }
        try? file.truncate(atOffset: 0)
        handle = file
    }

    func write(_ text: String) throws { try handle.write(contentsOf: Data(text.utf8)) }

    func close() throws {
        if handle !== FileHandle.standardOutput { try handle.close() }
    }
}
