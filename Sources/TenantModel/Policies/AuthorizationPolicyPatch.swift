/// A partial update of the authorization policy (`PATCH /policies/authorizationPolicy`); absent
/// properties are left as they are.
public struct AuthorizationPolicyPatch: Codable, Hashable, Sendable {
    public var allowInvitesFrom: AllowInvitesFrom?
    public var guestUserRoleId: String?
    public var allowEmailVerifiedUsersToJoinOrganization: Bool?
    public var allowedToSignUpEmailBasedSubscriptions: Bool?
    public var allowedToUseSSPR: Bool?
    public var allowUserConsentForRiskyApps: Bool?
    public var blockMsolPowerShell: Bool?
    public var defaultUserRolePermissions: DefaultUserRolePermissionsPatch?

    public init(
        allowInvitesFrom: AllowInvitesFrom? = nil, guestUserRoleId: String? = nil,
        allowEmailVerifiedUsersToJoinOrganization: Bool? = nil, allowedToSignUpEmailBasedSubscriptions: Bool? = nil,
        allowedToUseSSPR: Bool? = nil, allowUserConsentForRiskyApps: Bool? = nil, blockMsolPowerShell: Bool? = nil,
        defaultUserRolePermissions: DefaultUserRolePermissionsPatch? = nil
    ) {
        self.allowInvitesFrom = allowInvitesFrom
        self.guestUserRoleId = guestUserRoleId
        self.allowEmailVerifiedUsersToJoinOrganization = allowEmailVerifiedUsersToJoinOrganization
        self.allowedToSignUpEmailBasedSubscriptions = allowedToSignUpEmailBasedSubscriptions
        self.allowedToUseSSPR = allowedToUseSSPR
        self.allowUserConsentForRiskyApps = allowUserConsentForRiskyApps
        self.blockMsolPowerShell = blockMsolPowerShell
        self.defaultUserRolePermissions = defaultUserRolePermissions
    }

    /// Why the patch can't be applied, or `nil`.
    public var problem: String? {
        if allowInvitesFrom == .unknownFutureValue { return "allowInvitesFrom can't be set to unknownFutureValue." }
        if let role = guestUserRoleId, GuestUserRole(rawValue: role.lowercased()) == nil {
            return "guestUserRoleId must be one of \(GuestUserRole.allCases.map(\.rawValue).joined(separator: ", "))."
        }
        return nil
    }

    public func applied(to policy: AuthorizationPolicy) -> AuthorizationPolicy {
        var policy = policy
        if let value = allowInvitesFrom { policy.allowInvitesFrom = value }
        if let value = guestUserRoleId { policy.guestUserRoleId = value.lowercased() }
        if let value = allowEmailVerifiedUsersToJoinOrganization { policy.allowEmailVerifiedUsersToJoinOrganization = value }
        if let value = allowedToSignUpEmailBasedSubscriptions { policy.allowedToSignUpEmailBasedSubscriptions = value }
        if let value = allowedToUseSSPR { policy.allowedToUseSSPR = value }
        if let value = allowUserConsentForRiskyApps { policy.allowUserConsentForRiskyApps = value }
        if let value = blockMsolPowerShell { policy.blockMsolPowerShell = value }
        if let value = defaultUserRolePermissions { policy.defaultUserRolePermissions = value.applied(to: policy.defaultUserRolePermissions) }
        return policy
    }

    /// Names of the properties set, for the journal.
    public var touchedProperties: [String] {
        var names: [String] = []
        if allowInvitesFrom != nil { names.append("allowInvitesFrom") }
        if guestUserRoleId != nil { names.append("guestUserRoleId") }
        if allowEmailVerifiedUsersToJoinOrganization != nil { names.append("allowEmailVerifiedUsersToJoinOrganization") }
        if allowedToSignUpEmailBasedSubscriptions != nil { names.append("allowedToSignUpEmailBasedSubscriptions") }
        if allowedToUseSSPR != nil { names.append("allowedToUseSSPR") }
        if allowUserConsentForRiskyApps != nil { names.append("allowUserConsentForRiskyApps") }
        if blockMsolPowerShell != nil { names.append("blockMsolPowerShell") }
        if defaultUserRolePermissions != nil { names.append("defaultUserRolePermissions") }
        return names
    }
}
