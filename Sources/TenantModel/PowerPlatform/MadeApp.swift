import Foundation

/// An app someone made in an environment, and who it is shared with.
public struct MadeApp: Codable, Hashable, Sendable {
    public var id: MadeAppID
    public var environmentId: EnvironmentID
    public var name: String
    public var kind: AppKind
    public var ownerId: UserID
    public var sharedWith: [UserID]
    public var createdDateTime: Date

    public init(
        id: MadeAppID, environmentId: EnvironmentID, name: String, kind: AppKind, ownerId: UserID, sharedWith: [UserID] = [],
        createdDateTime: Date
    ) {
        self.id = id
        self.environmentId = environmentId
        self.name = name
        self.kind = kind
        self.ownerId = ownerId
        self.sharedWith = sharedWith
        self.createdDateTime = createdDateTime
    }
}
