import Foundation
import TenantModel

/// Graph resolves the names in a URL path in any letter case (`/Users`, `/subscribedskus`) and
/// accepts OData key syntax (`/users('{id}')`, `/users({id})`). This rewrites a Graph request path
/// to the spelling the routes use before routing; keys (ids, UPNs) are left as they are.
struct GraphPathNormalizer: Sendable {
    /// Lowercased segment name → the name as routed.
    let canonical: [String: String]

    init(endpoints: [Endpoint]) {
        var canonical: [String: String] = [:]
        for endpoint in endpoints where endpoint.surface == .graph {
            for segment in endpoint.path.split(separator: "/") where !segment.hasPrefix("{") {
                canonical[segment.lowercased()] = String(segment)
            }
        }
        self.canonical = canonical
    }

    /// `path` (with its query string) rewritten, or unchanged when it isn't a Graph path.
    func normalize(_ path: String) -> String {
        let parts = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let route = String(parts[0])
        guard route.lowercased().hasPrefix("/v1.0/") || route.lowercased() == "/v1.0" else { return path }
        var segments: [String] = []
        for segment in route.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            if let (name, key) = Self.keySyntax(segment), let known = canonical[name.lowercased()] {
                segments.append(known)
                segments.append(key)
            } else {
                segments.append(canonical[segment.lowercased()] ?? segment)
            }
        }
        let rewritten = segments.joined(separator: "/")
        return parts.count > 1 ? rewritten + "?" + parts[1] : rewritten
    }

    /// `name('key')`, `name(%27key%27)` or `name(key)` split into the name and the key.
    static func keySyntax(_ segment: String) -> (String, String)? {
        guard segment.hasSuffix(")"), let open = segment.firstIndex(of: "("), open > segment.startIndex else { return nil }
        let name = String(segment[..<open])
        var key = String(segment[segment.index(after: open)..<segment.index(before: segment.endIndex)])
        for quote in ["'", "%27"] where key.hasPrefix(quote) && key.hasSuffix(quote) && key.count >= 2 * quote.count {
            key = String(key.dropFirst(quote.count).dropLast(quote.count))
        }
        guard !key.isEmpty, !key.contains("/") else { return nil }
        return (name, key)
    }
}
