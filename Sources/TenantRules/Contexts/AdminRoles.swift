import TenantModel

/// The directory roles each kind of administrative action accepts (domain-facts §1.3, §3.2, §4).
public enum AdminRoles {
    /// May invite when `allowInvitesFrom = adminsAndGuestInviters`.
    public static let inviters: [DirectoryRoleTemplate] = [
        .globalAdministrator, .userAdministrator, .guestInviter, .directoryWriters,
    ]
    /// "Company administrators" who may invite with `invitedUserType = Member`.
    public static let memberInviters: [DirectoryRoleTemplate] = [.globalAdministrator, .userAdministrator]
    /// May reset redemption.
    public static let redemptionResetters: [DirectoryRoleTemplate] = [
        .globalAdministrator, .userAdministrator, .helpdeskAdministrator,
    ]
    /// May update users' profiles.
    public static let userAdmins: [DirectoryRoleTemplate] = [.globalAdministrator, .userAdministrator]
    /// May assign licences.
    public static let licenseAdmins: [DirectoryRoleTemplate] = [
        .globalAdministrator, .userAdministrator, .licenseAdministrator,
    ]
    /// May change any group's membership (Graph's "Add members" page); owners may change their own
    /// groups, and an Intune Administrator security groups.
    public static let groupAdmins: [DirectoryRoleTemplate] = [
        .globalAdministrator, .userAdministrator, .directoryWriters, .groupsAdministrator, .identityGovernanceAdministrator,
    ]
    /// May assign directory roles and change the authorization policy.
    public static let privilegedRoleAdmins: [DirectoryRoleTemplate] = [
        .globalAdministrator, .privilegedRoleAdministrator,
    ]
    /// May edit cross-tenant access settings.
    public static let crossTenantAdmins: [DirectoryRoleTemplate] = [.globalAdministrator, .securityAdministrator]
    /// May edit the collaboration domain list.
    public static let collaborationAdmins: [DirectoryRoleTemplate] = [.globalAdministrator]
    /// May change Power Platform tenant settings.
    public static let powerPlatformAdmins: [DirectoryRoleTemplate] = [
        .globalAdministrator, .powerPlatformAdministrator,
    ]
    /// Exempt from Dataverse licence and security-group checks (domain-facts §8.3).
    public static let dataverseExempt: [DirectoryRoleTemplate] = [
        .globalAdministrator, .powerPlatformAdministrator, .dynamics365Administrator,
    ]
    /// Roles that make a user "privileged": only a Global Administrator may edit them.
    public static let privileged: [DirectoryRoleTemplate] = [
        .globalAdministrator, .privilegedRoleAdministrator, .securityAdministrator, .powerPlatformAdministrator,
        .dynamics365Administrator, .externalIdentityProviderAdministrator,
    ]

    public static func names(_ roles: [DirectoryRoleTemplate]) -> String {
        roles.map(\.displayName).joined(separator: ", ")
    }
}
