import Foundation
import TenantModel

/// The secret every `/_tenantsim/` request must carry: `Authorization: Bearer <key>` or
/// `X-TenantSim-Control-Key: <key>` (the latter leaves `Authorization` free for an admin's token).
/// `serve` keeps one per state in an owner-only file next to it (`<state>.control-key`) and prints
/// it; scenario runs make one per run and hand it to `run:` steps as `TENANTSIM_CONTROL_KEY`.
public struct ControlKey: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    /// The header that carries the key beside an `Authorization` header.
    public static let header = "X-TenantSim-Control-Key"
    /// The environment variable `run:` steps and the CLI read it from.
    public static let environmentVariable = "TENANTSIM_CONTROL_KEY"

    public init(_ value: String) { self.value = value }

    /// A new key: `tsk_` and 256 random bits, base64url.
    public static func random() -> ControlKey {
        // SystemRandomNumberGenerator is cryptographically secure (getrandom on Linux).
        var generator = SystemRandomNumberGenerator()
        let bytes = Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let text = bytes.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return ControlKey("tsk_" + text)
    }

    /// The key file of the state at `statePath`.
    public static func file(forState statePath: String) -> String { statePath + ".control-key" }

    /// Reads the key in `path`, creating it (owner-only, 0600) when missing or empty.
    public static func loadOrCreate(at path: String) throws -> ControlKey {
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty {
                PrivateFiles.tighten(path)
                return ControlKey(trimmed)
            }
        }
        let key = random()
        try PrivateFiles.write(Data((key.value + "\n").utf8), to: path)
        return key
    }

    /// Compares in constant time for keys of the same length.
    public func matches(_ candidate: String) -> Bool {
        let left = Array(value.utf8)
        let right = Array(candidate.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    /// Never printed by accident (logs, errors): use ``value``.
    public var description: String { "ControlKey(…)" }
}
