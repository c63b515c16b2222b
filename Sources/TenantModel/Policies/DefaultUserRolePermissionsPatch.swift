/// A partial update of `authorizationPolicy.defaultUserRolePermissions`: members left out keep
/// their values (Microsoft's "Update authorizationPolicy" examples send one member at a time).
public struct DefaultUserRolePermissionsPatch: Codable, Hashable, Sendable {
    public var allowedToCreateApps: Bool?
    public var allowedToCreateSecurityGroups: Bool?
    public var allowedToReadOtherUsers: Bool?
    public var permissionGrantPoliciesAssigned: [String]?

    public init(
        allowedToCreateApps: Bool? = nil, allowedToCreateSecurityGroups: Bool? = nil, allowedToReadOtherUsers: Bool? = nil,
        permissionGrantPoliciesAssigned: [String]? = nil
    ) {
        self.allowedToCreateApps = allowedToCreateApps
        self.allowedToCreateSecurityGroups = allowedToCreateSecurityGroups
        self.allowedToReadOtherUsers = allowedToReadOtherUsers
        self.permissionGrantPoliciesAssigned = permissionGrantPoliciesAssigned
    }

    /// `permissions` with the members this patch sets replaced.
    public func applied(to permissions: DefaultUserRolePermissions) -> DefaultUserRolePermissions {
        var result = permissions
        if let value = allowedToCreateApps { result.allowedToCreateApps = value }
        if let value = allowedToCreateSecurityGroups { result.allowedToCreateSecurityGroups = value }
        if let value = allowedToReadOtherUsers { result.allowedToReadOtherUsers = value }
        if let value = permissionGrantPoliciesAssigned { result.permissionGrantPoliciesAssigned = value }
        return result
    }
}
