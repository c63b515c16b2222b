/// The one error TenantSim's engine throws. It carries everything a client needs: the wire status,
/// code and one-line message, and — for denials — the rule ids that decided, an explanation a new
/// admin can act on, and where the behaviour is documented.
///
/// The HTTP layer renders it once per surface (Graph envelope, AADSTS token error, admin API or
/// Dataverse error); see ``Surface``.
public struct TenantError: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The shape the error must take whatever the request's surface (``Surface/login`` for token
    /// errors); ``Surface/graph``, the default, means "the request's own surface".
    public typealias Surface = TenantModel.Surface

    public var status: Int
    public var code: String
    public var message: String
    public var surface: Surface
    public var ruleIds: [String]
    public var explanation: String?
    public var source: String?
    /// The AADSTS number for token-surface errors (e.g. 50057).
    public var aadsts: Int?
    /// The OAuth `error` value for token-surface errors (e.g. `invalid_grant`).
    public var oauthError: String?
    /// The facts the deciding rule read, as `name = value` (shown by `tenantsim run --verbose` and in
    /// the error's `tenantsim.facts`).
    public var facts: [String] = []

    public init(
        status: Int, code: String, message: String, surface: Surface = .graph, ruleIds: [String] = [],
        explanation: String? = nil, source: String? = nil, aadsts: Int? = nil, oauthError: String? = nil
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.surface = surface
        self.ruleIds = ruleIds
        self.explanation = explanation
        self.source = source
        self.aadsts = aadsts
        self.oauthError = oauthError
    }

    public var description: String {
        var text = "\(status) \(code): \(message)"
        if !ruleIds.isEmpty { text += " [\(ruleIds.joined(separator: ", "))]" }
        return text
    }

    /// The rule that decided a denial, if any.
    public var ruleId: String? { ruleIds.first }

    // MARK: Errors that are not rule decisions

    /// Malformed or invalid input: Graph 400 `Request_BadRequest`.
    public static func badRequest(_ message: String, code: String = "Request_BadRequest") -> TenantError {
        TenantError(status: 400, code: code, message: message)
    }

    /// Graph 404 for a directory object, with Microsoft's wording.
    public static func notFound(_ id: String) -> TenantError {
        TenantError(
            status: 404, code: "Request_ResourceNotFound",
            message: "Resource '\(id)' does not exist or one of its queried reference-property objects are not present.")
    }

    /// 409-style conflicts reported by Graph as 400 `Request_BadRequest` (e.g. an existing member).
    public static func alreadyExists(_ message: String) -> TenantError {
        TenantError(status: 400, code: "Request_BadRequest", message: message)
    }

    /// An internal failure (SQLite, I/O). Opaque to clients; rendered as a logged 500.
    public static func `internal`(_ detail: String) -> TenantError {
        TenantError(status: 500, code: "generalException", message: "An internal error occurred in TenantSim: \(detail)")
    }

    /// Emulated throttling or outage (fault injection).
    public static func throttled(status: Int) -> TenantError {
        status == 429
            ? TenantError(status: 429, code: "TooManyRequests", message: "Please retry again later.")
            : TenantError(status: status, code: "serviceNotAvailable", message: "The service is temporarily unavailable. Please retry later.")
    }
}
