/// Maps a coding path (`steps[3].expect`) to a line of a YAML document, by walking block mappings
/// and sequences by indentation. Good enough for pointing people at the right place.
struct SourceLocator {
    let lines: [Substring]

    init(text: String) { lines = text.split(separator: "\n", omittingEmptySubsequences: false) }

    static func indentation(_ line: Substring) -> Int { line.prefix { $0 == " " }.count }

    /// The 1-based line of the node at `codingPath`, or of its nearest ancestor found.
    func line(for codingPath: [any CodingKey]) -> Int? {
        var start = 0
        var end = lines.count
        var minIndent = -1
        var found: Int?
        for key in codingPath {
            if let index = key.intValue {
                var count = -1
                var hit: Int?
                var itemIndent: Int?
                for number in start..<end {
                    let line = lines[number]
                    let trimmed = line.drop { $0 == " " }
                    guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
                    let indent = Self.indentation(line)
                    if indent <= minIndent { break }
                    if trimmed.hasPrefix("- ") || trimmed == "-" {
                        if itemIndent == nil { itemIndent = indent }
                        guard indent == itemIndent else { continue }
                        count += 1
                        if count == index {
                            hit = number
                            break
                        }
                    }
                }
                guard let hit, let itemIndent else { return found.map { $0 + 1 } }
                found = hit
                start = hit
                end = nextSibling(after: hit, indent: itemIndent, limit: end)
                minIndent = itemIndent
            } else {
                var hit: Int?
                for number in start..<end {
                    let line = lines[number]
                    let trimmed = line.drop { $0 == " " || $0 == "-" }.drop { $0 == " " }
                    if Self.indentation(line) <= minIndent && number != start { break }
                    if trimmed.hasPrefix(key.stringValue + ":") {
                        hit = number
                        break
                    }
                }
                guard let hit else { return found.map { $0 + 1 } }
                found = hit
                let indent = Self.indentation(lines[hit])
                start = hit + 1
                end = nextSibling(after: hit, indent: indent, limit: end)
                minIndent = indent
            }
        }
        return found.map { $0 + 1 }
    }

    func nextSibling(after number: Int, indent: Int, limit: Int) -> Int {
        var index = number + 1
        while index < limit {
            let line = lines[index]
            let trimmed = line.drop { $0 == " " }
            if !trimmed.isEmpty, !trimmed.hasPrefix("#"), Self.indentation(line) <= indent { return index }
            index += 1
        }
        return limit
    }
}
