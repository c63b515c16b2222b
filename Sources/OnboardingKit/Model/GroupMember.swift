/// A direct member of a group: a user (member or guest) or a nested group.
public struct GroupMember: Decodable, Sendable, Hashable {
    public var id: String
    /// `#microsoft.graph.user` or `#microsoft.graph.group`.
    public var odataType: String?
    public var displayName: String?
    public var userPrincipalName: String?
    public var mail: String?
    public var userType: String?

    enum CodingKeys: String, CodingKey {
        case id, displayName, userPrincipalName, mail, userType
        case odataType = "@odata.type"
    }

    public var isGroup: Bool { odataType == "#microsoft.graph.group" }
}
