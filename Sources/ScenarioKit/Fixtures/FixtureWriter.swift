import Foundation
import TenantEngine
import Yams

/// Writes a ``WorldSpec`` as a fixture file that ``FixtureLibrary`` loads back: YAML, keys in the
/// spec's order, with a comment header (where it came from, what was assumed).
public enum FixtureWriter {
    /// The YAML text of `world`, after `comments` (one `# ` line each).
    public static func yaml(_ world: WorldSpec, comments: [String] = []) throws -> String {
        Self.comments(comments) + (try YAMLEncoder().encode(world))
    }

    /// `# ` lines, one per line of `comments`.
    public static func comments(_ comments: [String]) -> String {
        comments.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false) }.map { "# \($0)\n" }.joined()
    }

    /// One list item of `value` as YAML, indented to sit under a key at `indent` spaces (the
    /// streamed guest list of an import).
    public static func item(_ value: some Encodable, indent: Int) throws -> String {
        let text = try YAMLEncoder().encode(value)
        let pad = String(repeating: " ", count: indent)
        return text.split(separator: "\n").enumerated().map { index, line in
            (index == 0 ? pad + "- " : pad + "  ") + line
        }.joined(separator: "\n") + "\n"
    }
}
