import Foundation

/// A directory object that Graph's replicas don't show yet (under the `realistic` consistency
/// profile): reads and references by id answer as Graph does during replication until `visibleAt`.
public struct ReplicaLag: Codable, Hashable, Sendable {
    public var objectId: String
    public var tenantId: TenantID
    /// `user` or `group`.
    public var objectKind: String
    public var createdAt: Date
    public var visibleAt: Date

    public init(objectId: String, tenantId: TenantID, objectKind: String, createdAt: Date, visibleAt: Date) {
        self.objectId = objectId
        self.tenantId = tenantId
        self.objectKind = objectKind
        self.createdAt = createdAt
        self.visibleAt = visibleAt
    }
}
