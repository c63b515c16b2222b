import Foundation
import HTTPTypes

/// An answer as a test reads it: status, headers, body, and the error envelope's code, message and
/// TenantSim's rule id and explanation, whichever surface answered (Graph's `innerError.tenantsim`,
/// the admin API's and Dataverse's `error.tenantsim`, a token error's `tenantsim`).
public struct TestReply: Sendable {
    public let status: Int
    public let headers: HTTPFields
    public let data: Data

    public init(status: Int, headers: HTTPFields, data: Data) {
        self.status = status
        self.headers = headers
        self.data = data
    }

    /// The body as a JSON object (empty when it isn't one).
    public var json: [String: Any] { (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:] }
    public var text: String { String(decoding: data, as: UTF8.self) }
    /// `value` of an OData collection.
    public var values: [[String: Any]] { json["value"] as? [[String: Any]] ?? [] }
    /// `error.code`, or a token error's `error`.
    public var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String ?? json["error"] as? String }
    /// `error.message`, or a token error's `error_description`.
    public var errorMessage: String? { (json["error"] as? [String: Any])?["message"] as? String ?? json["error_description"] as? String }

    var tenantsim: [String: Any]? {
        let error = json["error"] as? [String: Any]
        return ((error?["innerError"] as? [String: Any])?["tenantsim"] ?? error?["tenantsim"] ?? json["tenantsim"]) as? [String: Any]
    }

    /// The id of the rule that decided a denial.
    public var ruleId: String? { tenantsim?["ruleId"] as? String }
    /// The rule's explanation of a denial.
    public var explanation: String? { tenantsim?["explanation"] as? String }
}
