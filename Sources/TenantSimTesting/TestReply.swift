import Foundation
import HTTPTypes
import OnboardingKit

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
    /// The error envelope, read by OnboardingKit's one parser (`nil` when the body has none).
    public var envelope: GraphError? {
        json["error"] == nil ? nil : GraphError.parse(status: status, body: data, requestId: nil, retryAfter: nil)
    }
    /// `error.code`, or a token error's `error`.
    public var errorCode: String? { envelope?.code }
    /// `error.message`, or a token error's `error_description`.
    public var errorMessage: String? { envelope?.message }
    /// The id of the rule that decided a denial.
    public var ruleId: String? { envelope?.ruleId }
    /// The rule's explanation of a denial.
    public var explanation: String? { envelope?.explanation }
}
