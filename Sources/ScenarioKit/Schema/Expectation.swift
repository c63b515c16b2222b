/// What a step should do: succeed, be denied by a rule, fail with an error code (and status), or —
/// for `run:` steps — exit with a code.
public enum Expectation: Sendable, Hashable, Decodable, CustomStringConvertible {
    case ok
    /// Denied by `rule`; the explanation must mention each of `mentions`.
    case denied(rule: String, mentions: [String])
    case error(code: String?, status: Int?)
    /// A `run:` command's exit code, and the rules expected to block something it set up (none by default).
    case exitCode(Int, blocked: [String])

    enum CodingKeys: String, CodingKey, CaseIterable { case denied, mentions, error, status, exitCode, blocked }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            guard text == "ok" else {
                throw DecodingError.dataCorruptedError(
                    in: single,
                    debugDescription:
                        "expected 'ok', {denied: <rule id>}, {error: <code>, status: <n>} or {exitCode: <n>, blocked: [<rule id>]}, got '\(text)'"
                )
            }
            self = .ok
            return
        }
        try Strict.check(decoder, allowed: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let rule = try container.decodeIfPresent(String.self, forKey: .denied) {
            self = .denied(rule: rule, mentions: try container.decodeIfPresent([String].self, forKey: .mentions) ?? [])
        } else if container.contains(.exitCode) || container.contains(.blocked) {
            self = .exitCode(
                try container.decodeIfPresent(Int.self, forKey: .exitCode) ?? 0,
                blocked: try container.decodeIfPresent([String].self, forKey: .blocked) ?? [])
        } else {
            let code = try container.decodeIfPresent(String.self, forKey: .error)
            let status = try container.decodeIfPresent(Int.self, forKey: .status)
            guard code != nil || status != nil else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "expect needs 'ok', denied, error/status or exitCode"))
            }
            self = .error(code: code, status: status)
        }
    }

    public var description: String {
        switch self {
        case .ok: "ok"
        case .denied(let rule, let mentions):
            "denied by \(rule)" + (mentions.isEmpty ? "" : " mentioning " + mentions.map { "'\($0)'" }.joined(separator: ", "))
        case .error(let code, let status): "error \([status.map(String.init), code].compactMap { $0 }.joined(separator: " "))"
        case .exitCode(let code, let blocked):
            "exit code \(code)" + (blocked.isEmpty ? "" : " with \(blocked.map { "`\($0)`" }.joined(separator: ", ")) blocking what it set up")
        }
    }
}
