/// A tenant's `authorizationPolicy` singleton (domain-facts §4.2).
public struct AuthorizationPolicy: Codable, Hashable, Sendable {
    public var tenantId: TenantID
    public var allowInvitesFrom: AllowInvitesFrom
    /// Guest access level; see ``GuestUserRole``. Kept as the raw id so unknown ids round-trip.
    public var guestUserRoleId: String
    /// When false, people of this tenant's domains who have no account can't redeem invitations
    /// from other tenants as email-verified users.
    public var allowEmailVerifiedUsersToJoinOrganization: Bool
    public var allowedToSignUpEmailBasedSubscriptions: Bool
    public var allowedToUseSSPR: Bool
    public var allowUserConsentForRiskyApps: Bool
    public var blockMsolPowerShell: Bool?
    public var defaultUserRolePermissions: DefaultUserRolePermissions

    public init(
        tenantId: TenantID, allowInvitesFrom: AllowInvitesFrom, guestUserRoleId: String = GuestUserRole.limited.rawValue,
        allowEmailVerifiedUsersToJoinOrganization: Bool = true, allowedToSignUpEmailBasedSubscriptions: Bool = true,
        allowedToUseSSPR: Bool = true, allowUserConsentForRiskyApps: Bool = false, blockMsolPowerShell: Bool? = nil,
        defaultUserRolePermissions: DefaultUserRolePermissions = DefaultUserRolePermissions()
    ) {
        self.tenantId = tenantId
        self.allowInvitesFrom = allowInvitesFrom
        self.guestUserRoleId = guestUserRoleId
        self.allowEmailVerifiedUsersToJoinOrganization = allowEmailVerifiedUsersToJoinOrganization
        self.allowedToSignUpEmailBasedSubscriptions = allowedToSignUpEmailBasedSubscriptions
        self.allowedToUseSSPR = allowedToUseSSPR
        self.allowUserConsentForRiskyApps = allowUserConsentForRiskyApps
        self.blockMsolPowerShell = blockMsolPowerShell
        self.defaultUserRolePermissions = defaultUserRolePermissions
    }

    /// The documented defaults for a new tenant in `cloud`.
    public static func defaults(tenantId: TenantID, cloud: Cloud) -> AuthorizationPolicy {
        AuthorizationPolicy(tenantId: tenantId, allowInvitesFrom: .default(for: cloud))
    }
}
