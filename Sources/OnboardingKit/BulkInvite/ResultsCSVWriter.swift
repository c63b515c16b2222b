import Foundation

/// Writes CSV rows to a file through a buffer (RFC 4180 quoting: fields with commas, quotes or
/// line breaks are quoted, quotes doubled). CSV.swift's writer emits one byte per stream write,
/// far too slow for 100,000-row results, so the results file is written here.
public final class ResultsCSVWriter {
    let handle: FileHandle
    var buffer = Data()
    let flushAt: Int

    /// Creates (or truncates) the file at `path`.
    public init(path: String, flushAt: Int = 1 << 16) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw GuestCSVError.cannotOpen(path)
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        self.flushAt = flushAt
        buffer.reserveCapacity(flushAt + 4096)
    }

    /// Appends one row.
    public func write(_ fields: [String]) throws {
        var line = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { line += "," }
            line += Self.quote(field)
        }
        line += "\r\n"
        buffer.append(contentsOf: line.utf8)
        if buffer.count >= flushAt { try flush() }
    }

    /// Writes out what is buffered.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file.
    public func close() throws {
        try flush()
        try handle.close()
    }

    /// A field as CSV: quoted when it holds a comma, quote or line break.
    public static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
