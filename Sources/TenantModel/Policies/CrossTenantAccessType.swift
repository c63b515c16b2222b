/// `crossTenantAccessPolicyTargetConfiguration.accessType`.
public enum CrossTenantAccessType: String, Codable, Sendable, CaseIterable {
    case allowed
    case blocked
    case unknownFutureValue
}
