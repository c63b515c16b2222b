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
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        _ = try PrivateFiles.createFile(path)
        guard let file = FileHandle(forWritingAtPath: path) else { throw ConfigurationError("Can't write \(path).") }
        handle = file
    }

    func write(_ text: String) throws { try handle.write(contentsOf: Data(text.utf8)) }

    func close() throws {
        if handle !== FileHandle.standardOutput { try handle.close() }
    }
}
