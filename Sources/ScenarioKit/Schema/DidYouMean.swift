import TenantRules

/// "Did you mean" for names a scenario gets wrong — actions, actors, groups, roles, fixtures — by
/// edit distance, as `tenantsim rules <id>` suggests rule ids.
enum DidYouMean {
    /// The candidates closest to `name` (case-insensitive edit distance, a shared prefix counts as
    /// close), best first.
    static func closest(to name: String, among candidates: [String], limit: Int = 3) -> [String] {
        let wanted = name.lowercased()
        let scored = Set(candidates).map { candidate -> (String, Int) in
            let lowered = candidate.lowercased()
            var distance = RuleReference.editDistance(wanted, lowered)
            if !wanted.isEmpty && (lowered.hasPrefix(wanted) || wanted.hasPrefix(lowered)) { distance = min(distance, 1) }
            return (candidate, distance)
        }
        let threshold = max(2, wanted.count / 3)
        return scored.filter { $0.1 <= threshold }.sorted { $0.1 == $1.1 ? $0.0 < $1.0 : $0.1 < $1.1 }.prefix(limit).map(\.0)
    }

    /// ` (did you mean 'a' or 'b'?)`, or nothing when no candidate is close.
    static func phrase(for name: String, among candidates: [String]) -> String {
        let close = closest(to: name, among: candidates)
        guard !close.isEmpty else { return "" }
        let quoted = close.map { "'\($0)'" }
        let list = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
        return " (did you mean \(list)?)"
    }
}
