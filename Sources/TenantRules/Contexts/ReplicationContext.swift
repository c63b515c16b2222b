import Foundation
import TenantModel

/// A read or reference of a directory object by id: whether Graph's replicas show it yet.
public struct ReplicationContext: Sendable {
    public var caller: CallerFacts
    public var objectId: String
    /// `user` or `group`.
    public var objectKind: String
    /// When the object becomes visible, if it is still replicating (`nil`: it always was).
    public var visibleAt: Date?
    public var now: Date
    /// What the caller does with it, in words ("assign a licence to").
    public var action: String
    /// Whether the call is a PATCH of the object itself (Graph answers that one differently).
    public var isUpdate: Bool

    public init(
        caller: CallerFacts, objectId: String, objectKind: String, visibleAt: Date?, now: Date, action: String, isUpdate: Bool = false
    ) {
        self.caller = caller
        self.objectId = objectId
        self.objectKind = objectKind
        self.visibleAt = visibleAt
        self.now = now
        self.action = action
        self.isUpdate = isUpdate
    }
}
