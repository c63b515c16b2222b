import Foundation

/// A user the environment's background sync will add to Dataverse at `dueAt` (under the
/// `realistic` consistency profile). Forcing the sync (addUser, POST systemusers) or the user's
/// first access adds them at once.
public struct PendingDataverseSync: Codable, Hashable, Sendable {
    public var environmentId: EnvironmentID
    public var userId: UserID
    public var queuedAt: Date
    public var dueAt: Date

    public init(environmentId: EnvironmentID, userId: UserID, queuedAt: Date, dueAt: Date) {
        self.environmentId = environmentId
        self.userId = userId
        self.queuedAt = queuedAt
        self.dueAt = dueAt
    }
}
