/// "Did you mean" for names people get wrong — rule ids, actions, actors, groups, roles, SKUs,
/// environments, tenants, fixtures — by edit distance.
public enum DidYouMean {
    /// The candidates closest to `name` (case-insensitive edit distance; a shared prefix counts as
    /// close), best first. `threshold` defaults to a third of the name's length, at least 2.
    public static func closest(to name: String, among candidates: [String], limit: Int = 3, threshold: Int? = nil) -> [String] {
        let wanted = name.lowercased()
        let scored = Set(candidates).map { candidate -> (String, Int) in
            let lowered = candidate.lowercased()
            var distance = editDistance(wanted, lowered)
            if !wanted.isEmpty && (lowered.hasPrefix(wanted) || wanted.hasPrefix(lowered)) { distance = min(distance, 1) }
            return (candidate, distance)
        }
        let limitDistance = threshold ?? max(2, wanted.count / 3)
        return scored.filter { $0.1 <= limitDistance }.sorted { $0.1 == $1.1 ? $0.0 < $1.0 : $0.1 < $1.1 }.prefix(limit).map(\.0)
    }

    /// ` (did you mean 'a' or 'b'?)`, or nothing when no candidate is close.
    public static func phrase(for name: String, among candidates: [String]) -> String {
        let close = closest(to: name, among: candidates)
        guard !close.isEmpty else { return "" }
        let quoted = close.map { "'\($0)'" }
        let list = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
        return " (did you mean \(list)?)"
    }

    /// Levenshtein distance between two strings.
    public static func editDistance(_ left: String, _ right: String) -> Int {
        let a = Array(left)
        let b = Array(right)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
