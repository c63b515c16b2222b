/// `authorizationPolicy.defaultUserRolePermissions`.
public struct DefaultUserRolePermissions: Codable, Hashable, Sendable {
    public var allowedToCreateApps: Bool
    public var allowedToCreateSecurityGroups: Bool
    public var allowedToReadOtherUsers: Bool
    public var permissionGrantPoliciesAssigned: [String]

    public init(
        allowedToCreateApps: Bool = true, allowedToCreateSecurityGroups: Bool = true, allowedToReadOtherUsers: Bool = true,
        permissionGrantPoliciesAssigned: [String] = ["ManagePermissionGrantsForSelf.microsoft-user-default-legacy"]
    ) {
        self.allowedToCreateApps = allowedToCreateApps
        self.allowedToCreateSecurityGroups = allowedToCreateSecurityGroups
        self.allowedToReadOtherUsers = allowedToReadOtherUsers
        self.permissionGrantPoliciesAssigned = permissionGrantPoliciesAssigned
    }
}
