/// An owner of a group: a user who may manage its members and properties without a directory role
/// (Graph's `/groups/{id}/owners`).
public struct GroupOwner: Codable, Hashable, Sendable {
    public var tenantId: TenantID
    public var groupId: GroupID
    public var ownerId: UserID

    public init(tenantId: TenantID, groupId: GroupID, ownerId: UserID) {
        self.tenantId = tenantId
        self.groupId = groupId
        self.ownerId = ownerId
    }
}
