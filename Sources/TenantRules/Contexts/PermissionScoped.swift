/// A rule context that has a caller and the permissions its endpoint accepts, so the generic
/// ``PermissionMissingRule`` can guard it.
public protocol PermissionScoped: Sendable {
    var caller: CallerFacts { get }
    var permission: PermissionRequirement { get }
    /// The wire error Microsoft answers when the token lacks the permission, where the service
    /// answers differently from Graph's usual 403 (`nil`: the usual one).
    var permissionMissingWire: WireError? { get }
}

extension PermissionScoped {
    public var permissionMissingWire: WireError? { nil }
}

/// The context of a read or any endpoint whose only rule is the permission check.
public struct EndpointContext: PermissionScoped {
    public var caller: CallerFacts
    public var permission: PermissionRequirement

    public init(caller: CallerFacts, permission: PermissionRequirement) {
        self.caller = caller
        self.permission = permission
    }
}
