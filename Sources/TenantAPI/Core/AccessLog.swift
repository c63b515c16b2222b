import Foundation
import HTTPTypes

/// `serve`'s request log: one line per request — method, host and path (no query string), status,
/// the deciding rule and milliseconds — as text or as JSON lines, written to a sink (standard
/// output for `serve`).
public struct AccessLog: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, json }

    /// The response header that names the rule that decided a denial (`x-tenantsim-rule`).
    public static let ruleHeader = HTTPField.Name("x-tenantsim-rule")!

    public let format: Format
    let write: @Sendable (String) -> Void

    public init(format: Format, write: @escaping @Sendable (String) -> Void) {
        self.format = format
        self.write = write
    }

    /// One request's line.
    public struct Entry: Sendable, Hashable, Encodable {
        public var method: String
        public var host: String
        public var path: String
        public var status: Int
        public var ruleId: String?
        public var milliseconds: Double
        public var requestId: String?

        public init(
            method: String, host: String, path: String, status: Int, ruleId: String?, milliseconds: Double, requestId: String? = nil
        ) {
            self.method = method
            self.host = host
            self.path = path
            self.status = status
            self.ruleId = ruleId
            self.milliseconds = milliseconds
            self.requestId = requestId
        }
    }

    public func line(_ entry: Entry) -> String {
        switch format {
        case .text:
            let rule = entry.ruleId.map { " \($0)" } ?? ""
            return "\(entry.method) \(entry.host)\(entry.path) \(entry.status)\(rule) \(String(format: "%.1f", entry.milliseconds)) ms"
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return (try? String(decoding: encoder.encode(entry), as: UTF8.self)) ?? "{}"
        }
    }

    func record(_ entry: Entry) { write(line(entry) + "\n") }
}
