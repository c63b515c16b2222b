/// A Dataverse security role (`roles`): id and name.
public struct DataverseRole: Decodable, Sendable, Hashable {
    public var roleid: String
    public var name: String?
}
