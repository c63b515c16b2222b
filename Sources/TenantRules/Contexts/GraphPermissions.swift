/// The permissions each emulated endpoint accepts, least privileged first (domain-facts §1.3,
/// §2.2, §3, §4.2, §5.1; Microsoft Graph permissions reference).
public enum GraphPermissions {
    public static let createInvitation = PermissionRequirement(
        endpoint: "POST /invitations", accepted: ["User.Invite.All", "User.ReadWrite.All", "Directory.ReadWrite.All"])
    /// `User.ReadBasic.All` (delegated only) is accepted too but returns only basic properties, so
    /// it is listed last: the least privileged permission that reads what onboarding needs is User.Read.All.
    public static let readUsers = PermissionRequirement(
        endpoint: "GET /users",
        accepted: ["User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All", "User.ReadBasic.All"])
    public static let updateUser = PermissionRequirement(
        endpoint: "PATCH /users/{id}", accepted: ["User.ReadWrite.All", "Directory.ReadWrite.All"])
    /// `PATCH /me`: delegated `User.ReadWrite` lets users change their own profile.
    public static let updateMe = PermissionRequirement(
        endpoint: "PATCH /me", accepted: ["User.ReadWrite", "User.ReadWrite.All", "Directory.ReadWrite.All"])
    public static let createUser = PermissionRequirement(
        endpoint: "POST /users", accepted: ["User.ReadWrite.All", "Directory.ReadWrite.All"])
    public static let deleteUser = PermissionRequirement(
        endpoint: "DELETE /users/{id}", accepted: ["User.ReadWrite.All", "Directory.ReadWrite.All"])
    public static let assignLicense = PermissionRequirement(
        endpoint: "POST /users/{id}/assignLicense",
        accepted: ["LicenseAssignment.ReadWrite.All", "User.ReadWrite.All", "Directory.ReadWrite.All"])
    public static let readLicenseDetails = PermissionRequirement(
        endpoint: "GET /users/{id}/licenseDetails",
        accepted: [
            "LicenseAssignment.Read.All", "User.Read.All", "LicenseAssignment.ReadWrite.All", "User.ReadWrite.All",
            "Directory.Read.All", "Directory.ReadWrite.All",
        ])
    public static let readSubscribedSkus = PermissionRequirement(
        endpoint: "GET /subscribedSkus",
        accepted: [
            "LicenseAssignment.Read.All", "Organization.Read.All", "Directory.Read.All", "LicenseAssignment.ReadWrite.All",
            "Organization.ReadWrite.All", "Directory.ReadWrite.All",
        ])
    public static let createGroup = PermissionRequirement(
        endpoint: "POST /groups", accepted: ["Group.Create", "Group.ReadWrite.All", "Directory.ReadWrite.All"])
    public static let readGroups = PermissionRequirement(
        endpoint: "GET /groups",
        accepted: [
            "GroupMember.Read.All", "Group.Read.All", "Directory.Read.All", "GroupMember.ReadWrite.All", "Group.ReadWrite.All",
            "Directory.ReadWrite.All",
        ])
    public static let readMemberOf = PermissionRequirement(
        endpoint: "GET /users/{id}/memberOf",
        accepted: [
            "GroupMember.Read.All", "Group.Read.All", "Directory.Read.All", "GroupMember.ReadWrite.All", "Group.ReadWrite.All",
            "Directory.ReadWrite.All",
        ])
    public static let changeGroupMembers = PermissionRequirement(
        endpoint: "POST /groups/{id}/members/$ref",
        accepted: ["GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.ReadWrite.All"])
    /// Microsoft Graph "Add owners" (group-post-owners): least privileged Group.ReadWrite.All.
    public static let changeGroupOwners = PermissionRequirement(
        endpoint: "POST /groups/{id}/owners/$ref", accepted: ["Group.ReadWrite.All", "Directory.ReadWrite.All"])
    /// Microsoft Graph "List owners" (group-list-owners).
    public static let readGroupOwners = PermissionRequirement(
        endpoint: "GET /groups/{id}/owners",
        accepted: ["Group.Read.All", "GroupMember.Read.All", "Directory.Read.All", "Group.ReadWrite.All", "Directory.ReadWrite.All"])
    /// `checkMemberGroups`, `getMemberGroups`, `checkMemberObjects`, `getMemberObjects` (Graph's
    /// directoryObject functions: GroupMember.Read.All least privileged).
    public static let readMemberGroups = PermissionRequirement(
        endpoint: "POST /directoryObjects/{id}/getMemberGroups",
        accepted: [
            "GroupMember.Read.All", "Group.Read.All", "Directory.Read.All", "GroupMember.ReadWrite.All", "Group.ReadWrite.All",
            "Directory.ReadWrite.All",
        ])
    public static let readRoleAssignments = PermissionRequirement(
        endpoint: "GET /roleManagement/directory/roleAssignments",
        accepted: ["RoleManagement.Read.Directory", "Directory.Read.All", "RoleManagement.ReadWrite.Directory", "Directory.ReadWrite.All"])
    public static let changeRoleAssignments = PermissionRequirement(
        endpoint: "POST /roleManagement/directory/roleAssignments", accepted: ["RoleManagement.ReadWrite.Directory"])
    public static let readPolicies = PermissionRequirement(
        endpoint: "GET /policies/*",
        accepted: ["Policy.Read.All", "Policy.ReadWrite.Authorization", "Policy.ReadWrite.CrossTenantAccess"])
    public static let updateAuthorizationPolicy = PermissionRequirement(
        endpoint: "PATCH /policies/authorizationPolicy", accepted: ["Policy.ReadWrite.Authorization"])
    public static let updateCrossTenantAccess = PermissionRequirement(
        endpoint: "PATCH /policies/crossTenantAccessPolicy", accepted: ["Policy.ReadWrite.CrossTenantAccess"])
    public static let updateCollaborationRestrictions = PermissionRequirement(
        endpoint: "PUT /policies/b2bManagementPolicy", accepted: ["Policy.ReadWrite.Authorization"])
}
