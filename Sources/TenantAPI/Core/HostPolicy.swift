import Foundation

/// Which `Host` header values the server answers: the Microsoft host names it serves (those in
/// its certificate), `localhost`, IP literals, and the names it was told it is bound to. Anything
/// else gets 421 — a page that rebinds its own DNS name to 127.0.0.1 sends its own name, which is
/// refused, so DNS rebinding can't reach the server from a browser.
public struct HostPolicy: Sendable {
    /// Extra host names answered (the bound host name, `--host`).
    public var names: Set<String>

    public init(names: Set<String> = []) {
        self.names = Set(names.map { $0.lowercased() })
    }

    /// Whether `host` (a name or literal without port) may be answered.
    public func allows(_ host: String) -> Bool {
        var name = host.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        if name.isEmpty || name == "localhost" || names.contains(name) { return true }
        if Self.isIPLiteral(name) { return true }
        return ResolvedHost.resolve(host: name).microsoftHost != nil
    }

    /// `127.0.0.1`, `::1`, `fe80::1` (brackets already removed): what DNS can't rebind.
    static func isIPLiteral(_ name: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, name, &v4) == 1 || inet_pton(AF_INET6, name, &v6) == 1
    }
}
