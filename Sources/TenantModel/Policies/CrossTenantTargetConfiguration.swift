/// `crossTenantAccessPolicyTargetConfiguration`: allow or block a list of targets.
public struct CrossTenantTargetConfiguration: Codable, Hashable, Sendable {
    public var accessType: CrossTenantAccessType
    public var targets: [CrossTenantTarget]

    public init(accessType: CrossTenantAccessType, targets: [CrossTenantTarget]) {
        self.accessType = accessType
        self.targets = targets
    }

    /// Whether a principal (identified by its own id and the ids of groups it belongs to) is let
    /// through. `allowed` lets only the targets through; `blocked` stops the targets and lets the rest.
    public func permits(principalIds: Set<String>) -> Bool {
        let matched = targets.contains { $0.isAll || principalIds.contains($0.target) }
        switch accessType {
        case .allowed: return matched
        case .blocked: return !matched
        case .unknownFutureValue: return true
        }
    }

    /// Blocks every principal (blocked + an "All…" target).
    public var blocksAll: Bool { accessType == .blocked && targets.contains { $0.isAll } }
    /// Allows every principal (allowed + an "All…" target).
    public var allowsAll: Bool { accessType == .allowed && targets.contains { $0.isAll } }
}
