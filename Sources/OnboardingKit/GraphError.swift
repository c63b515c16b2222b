import Foundation

/// An error answered by Graph, the admin API or Dataverse: status, code, message, request id and —
/// when the server is TenantSim — the rule id and explanation.
public struct GraphError: Error, Sendable, Hashable, CustomStringConvertible {
    public var status: Int
    public var code: String
    public var message: String
    public var requestId: String?
    public var ruleId: String?
    public var explanation: String?
    /// The facts the deciding rule read (TenantSim's `tenantsim.facts`), when given.
    public var facts: [String] = []
    /// Seconds the server asked to wait (429/503), when given.
    public var retryAfter: Int?
    /// For a name that matched nothing (an environment, SKU or security role of the plan): the
    /// names that exist, so a command line can suggest the closest.
    public var known: [String] = []

    public init(
        status: Int, code: String, message: String, requestId: String? = nil, ruleId: String? = nil, explanation: String? = nil,
        retryAfter: Int? = nil
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.requestId = requestId
        self.ruleId = ruleId
        self.explanation = explanation
        self.retryAfter = retryAfter
    }

    public var description: String {
        "\(status) \(code): \(message)" + (ruleId.map { " [\($0)]" } ?? "")
    }

    /// Parses any of the error bodies TenantSim (and Microsoft) answer with: the Graph envelope,
    /// the admin API / Dataverse `{"error":{"code","message"}}`, or the token endpoint's AADSTS body.
    public static func parse(status: Int, body: Data, requestId: String?, retryAfter: Int?) -> GraphError {
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        if let error = object["error"] as? [String: Any] {
            let inner = error["innerError"] as? [String: Any] ?? error["innererror"] as? [String: Any]
            let extras = (inner?["tenantsim"] ?? error["tenantsim"]) as? [String: Any]
            var parsed = GraphError(
                status: status, code: error["code"] as? String ?? "HTTP\(status)", message: error["message"] as? String ?? "",
                requestId: inner?["request-id"] as? String ?? requestId, ruleId: extras?["ruleId"] as? String,
                explanation: extras?["explanation"] as? String, retryAfter: retryAfter)
            parsed.facts = extras?["facts"] as? [String] ?? []
            return parsed
        }
        if let code = object["error"] as? String {
            let extras = object["tenantsim"] as? [String: Any]
            var parsed = GraphError(
                status: status, code: code, message: object["error_description"] as? String ?? "",
                requestId: object["trace_id"] as? String ?? requestId,
                ruleId: extras?["ruleId"] as? String, explanation: extras?["explanation"] as? String, retryAfter: retryAfter)
            parsed.facts = extras?["facts"] as? [String] ?? []
            return parsed
        }
        return GraphError(
            status: status, code: "HTTP\(status)", message: String(decoding: body.prefix(500), as: UTF8.self), requestId: requestId,
            retryAfter: retryAfter)
    }
}
