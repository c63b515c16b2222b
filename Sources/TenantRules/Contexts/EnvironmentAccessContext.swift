import TenantModel

/// Whether a user may be in an environment's Dataverse and use it: the user, their directory roles
/// and licences, the environment's security group, and their Dataverse row and security roles.
public struct EnvironmentAccessContext: Sendable {
    public var environment: PowerPlatformEnvironment
    public var tenant: Tenant
    public var user: User
    public var directoryRoleIds: Set<String>
    public var licenses: LicenseFacts
    public var securityGroup: Group?
    public var isDirectMember: Bool
    /// Member only through a nested group: not pre-provisioned, but added at first access.
    public var isNestedMember: Bool
    public var dataverseUser: DataverseUser?
    /// Security role names the user holds in the environment.
    public var roleNames: Set<String>
    /// The user is opening the environment (an app, the Web API) themselves — Dataverse's
    /// just-in-time add — rather than being provisioned by the background sync or an admin.
    public var firstAccess: Bool

    public init(
        environment: PowerPlatformEnvironment, tenant: Tenant, user: User, directoryRoleIds: Set<String>, licenses: LicenseFacts,
        securityGroup: Group?, isDirectMember: Bool, isNestedMember: Bool, dataverseUser: DataverseUser?, roleNames: Set<String>,
        firstAccess: Bool = false
    ) {
        self.firstAccess = firstAccess
        self.environment = environment
        self.tenant = tenant
        self.user = user
        self.directoryRoleIds = directoryRoleIds
        self.licenses = licenses
        self.securityGroup = securityGroup
        self.isDirectMember = isDirectMember
        self.isNestedMember = isNestedMember
        self.dataverseUser = dataverseUser
        self.roleNames = roleNames
    }

    /// Global, Power Platform and Dynamics 365 administrators need no licence or group membership.
    public var isExemptAdmin: Bool { AdminRoles.dataverseExempt.contains { directoryRoleIds.contains($0.id) } }

    /// Global and Power Platform administrators need no security group membership; Dynamics 365
    /// administrators must be members (domain-facts §8.3).
    public var isSecurityGroupExempt: Bool {
        [DirectoryRoleTemplate.globalAdministrator, .powerPlatformAdministrator].contains { directoryRoleIds.contains($0.id) }
    }

    public var exemptRoleNames: [String] {
        AdminRoles.dataverseExempt.filter { directoryRoleIds.contains($0.id) }.map(\.displayName)
    }
}
