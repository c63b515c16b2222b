import HTTPTypes
import TenantModel
import TenantRules

/// One emulated endpoint: its method and path, the real operation it is named after, and the
/// permissions it accepts (enforced by `graph.permission.missing`).
public struct Endpoint: Sendable, Hashable {
    public var method: String
    public var path: String
    public var surface: Surface
    /// The real operation name (`createInvitation`, `assignLicense`, …); also the fault-injection key.
    public var operation: TenantOperation
    public var permissions: [String]
    public var summary: String
}
