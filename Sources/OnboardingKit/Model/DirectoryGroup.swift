/// A group found by name, or a member of one: id and display name.
public struct DirectoryGroup: Decodable, Sendable, Hashable {
    public var id: String
    public var displayName: String?
}
