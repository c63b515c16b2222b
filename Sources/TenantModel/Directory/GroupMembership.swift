/// A direct member of a group: a user or another group (nested).
public struct GroupMembership: Codable, Hashable, Sendable {
    public enum MemberKind: String, Codable, Sendable { case user, group }

    public var tenantId: TenantID
    public var groupId: GroupID
    public var memberId: String
    public var memberKind: MemberKind

    public init(tenantId: TenantID, groupId: GroupID, memberId: String, memberKind: MemberKind) {
        self.tenantId = tenantId
        self.groupId = groupId
        self.memberId = memberId
        self.memberKind = memberKind
    }
}
