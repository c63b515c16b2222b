/// A directory object reference (a group member).
public struct DirectoryObject: Decodable, Sendable, Hashable {
    public var id: String
}
