import Foundation
import NIOConcurrencyHelpers
import TenantModel

/// Records the calls clients make while enabled — which operations, the permissions each accepts
/// and the permissions the caller's token held — so scenarios can give least-privilege advice.
public final class RequestLog: Sendable {
    public struct Call: Sendable, Hashable, Codable {
        public var operation: TenantOperation
        public var method: String
        public var path: String
        public var surface: String
        /// Permissions the endpoint accepts, least privileged first (empty: none declared).
        public var accepted: [String]
        /// `roles` or `scp` of the bearer token, when there was one.
        public var held: [String]
        public var status: Int
    }

    let state = NIOLockedValueBox<(enabled: Bool, calls: [Call])>((false, []))

    public init() {}

    public func start() { state.withLockedValue { $0 = (true, []) } }

    /// Stops recording and returns what was recorded.
    public func stop() -> [Call] {
        state.withLockedValue { state in
            defer { state = (false, []) }
            return state.calls
        }
    }

    /// Records the call when the log is on; `call` (which decodes the token) isn't built otherwise.
    func record(_ call: @autoclosure () -> Call) {
        state.withLockedValue { state in if state.enabled { state.calls.append(call()) } }
    }

    /// The permissions a bearer token carries, read without verifying it (for advice only).
    static func heldPermissions(authorization: String?) -> [String] {
        guard let header = authorization, header.lowercased().hasPrefix("bearer ") else { return [] }
        let parts = header.dropFirst(7).split(separator: ".")
        guard parts.count >= 2, let payload = TokenService.decodeSegment(parts[1])?.objectValue else { return [] }
        if case .array(let roles)? = payload["roles"] { return roles.compactMap(\.stringValue).sorted() }
        if case .string(let scopes)? = payload["scp"] { return scopes.split(separator: " ").map(String.init).sorted() }
        return []
    }
}
