/// The name of one TenantSim operation (not `Operation`, which Foundation already has) — the same name in routes, the engine's `perform`, the
/// journal, rule sets, fault injection, coverage and the docs. One static member per operation,
/// as GRDB's `ResultCode` does; an unknown name can only come from outside (a fault request, a
/// journal read) and is checked against ``all``.
public struct TenantOperation: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (left: TenantOperation, right: TenantOperation) -> Bool { left.rawValue < right.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The operation named `name`, if TenantSim has one by that name (letter case as written).
    public static func named(_ name: String) -> TenantOperation? { all.first { $0.rawValue == name } }

    /// POST `/_tenantsim/faults`.
    public static let addFault = TenantOperation("addFault")
    /// POST `/v1.0/groups/{id}/owners/$ref`.
    public static let addGroupOwner = TenantOperation("addGroupOwner")
    /// POST `/v1.0/groups/{id}/members/$ref`.
    public static let addGroupMember = TenantOperation("addGroupMember")
    /// POST `/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments/{name}/addUser`.
    public static let addUser = TenantOperation("addUser")
    /// A Power Platform admin API call (BAP).
    public static let adminAPI = TenantOperation("adminAPI")
    /// POST `/_tenantsim/clock/advance`.
    public static let advanceClock = TenantOperation("advanceClock")
    /// An application authenticates with client credentials.
    public static let appSignIn = TenantOperation("appSignIn")
    /// A Dataverse security role taken from a user.
    public static let removeSecurityRole = TenantOperation("removeSecurityRole")
    /// A Dataverse security role given to a user (the Web API's `systemuserroles_association`).
    public static let assignSecurityRole = TenantOperation("assignSecurityRole")
    /// POST `/v1.0/users/{id}/assignLicense`.
    public static let assignLicense = TenantOperation("assignLicense")
    /// DELETE `/_tenantsim/faults`.
    public static let clearFaults = TenantOperation("clearFaults")
    /// GET `/v1.0/groups/{id}/members/$count`.
    public static let countGroupMembers = TenantOperation("countGroupMembers")
    /// GET `/v1.0/groups/$count`.
    public static let countGroups = TenantOperation("countGroups")
    /// GET `/v1.0/users/$count`.
    public static let countUsers = TenantOperation("countUsers")
    /// POST `/v1.0/policies/crossTenantAccessPolicy/partners`.
    public static let createCrossTenantAccessPolicyConfigurationPartner = TenantOperation("createCrossTenantAccessPolicyConfigurationPartner")
    /// POST `/v1.0/groups`.
    public static let createGroup = TenantOperation("createGroup")
    /// POST /invitations (Entra B2B invitation manager).
    public static let createInvitation = TenantOperation("createInvitation")
    /// POST `/v1.0/roleManagement/directory/roleAssignments`.
    public static let createRoleAssignment = TenantOperation("createRoleAssignment")
    /// DELETE `/api/data/{version}/**`.
    public static let dataverseDelete = TenantOperation("dataverseDelete")
    /// GET `/api/data/{version}`; GET `/api/data/{version}/**`.
    public static let dataverseGet = TenantOperation("dataverseGet")
    /// POST `/api/data/{version}/**`.
    public static let dataversePost = TenantOperation("dataversePost")
    /// POST `/v1.0/users` (a member user).
    public static let createUser = TenantOperation("createUser")
    /// DELETE `/v1.0/policies/crossTenantAccessPolicy/partners/{tenantId}`.
    public static let deleteCrossTenantAccessPolicyConfigurationPartner = TenantOperation("deleteCrossTenantAccessPolicyConfigurationPartner")
    /// DELETE `/v1.0/roleManagement/directory/roleAssignments/{id}`.
    public static let deleteRoleAssignment = TenantOperation("deleteRoleAssignment")
    /// DELETE `/v1.0/users/{id}`.
    public static let deleteUser = TenantOperation("deleteUser")
    /// GET `/{tenant}/discovery/instance`.
    public static let discoverInstance = TenantOperation("discoverInstance")
    /// GET `/_tenantsim/state`.
    public static let dumpState = TenantOperation("dumpState")
    /// Reads and other endpoints guarded only by Graph permissions.
    public static let endpoint = TenantOperation("endpoint")
    /// GET `/_tenantsim/explain`.
    public static let explain = TenantOperation("explain")
    /// POST `/_tenantsim/solutions/export`.
    public static let exportSolution = TenantOperation("exportSolution")
    /// GET `/v1.0/policies/authorizationPolicy`.
    public static let getAuthorizationPolicy = TenantOperation("getAuthorizationPolicy")
    /// GET `/_tenantsim/clock`.
    public static let getClock = TenantOperation("getClock")
    /// GET `/v1.0/policies/crossTenantAccessPolicy`.
    public static let getCrossTenantAccessPolicy = TenantOperation("getCrossTenantAccessPolicy")
    /// GET `/v1.0/policies/crossTenantAccessPolicy/default`.
    public static let getCrossTenantAccessPolicyConfigurationDefault = TenantOperation("getCrossTenantAccessPolicyConfigurationDefault")
    /// GET `/v1.0/policies/crossTenantAccessPolicy/partners/{tenantId}`.
    public static let getCrossTenantAccessPolicyConfigurationPartner = TenantOperation("getCrossTenantAccessPolicyConfigurationPartner")
    /// GET `/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments/{name}`.
    public static let getEnvironment = TenantOperation("getEnvironment")
    /// GET `/v1.0/groups/{id}`.
    public static let getGroup = TenantOperation("getGroup")
    /// GET `/{tenant}/discovery/v2.0/keys`.
    public static let getKeys = TenantOperation("getKeys")
    /// GET `/v1.0/me`.
    public static let getMe = TenantOperation("getMe")
    /// GET `/{tenant}/v2.0/.well-known/openid-configuration`.
    public static let getOpenIdConfiguration = TenantOperation("getOpenIdConfiguration")
    /// GET `/v1.0/roleManagement/directory/roleAssignments/{id}`.
    public static let getRoleAssignment = TenantOperation("getRoleAssignment")
    /// GET `/_tenantsim/seed`.
    public static let getSeed = TenantOperation("getSeed")
    /// GET `/v1.0/subscribedSkus/{id}`.
    public static let getSubscribedSku = TenantOperation("getSubscribedSku")
    /// GET `/v1.0/users/{id}`.
    public static let getUser = TenantOperation("getUser")
    /// GET `/{tenant}/userrealm/{user}`.
    public static let getUserRealm = TenantOperation("getUserRealm")
    /// GET `/_tenantsim/world`.
    public static let getWorld = TenantOperation("getWorld")
    /// POST `/_tenantsim/solutions/import`.
    public static let importSolution = TenantOperation("importSolution")
    /// GET `/v1.0/policies/crossTenantAccessPolicy/partners`.
    public static let listCrossTenantAccessPolicyConfigurationPartners = TenantOperation("listCrossTenantAccessPolicyConfigurationPartners")
    /// GET `/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments/{name}/roleAssignments`.
    public static let listEnvironmentRoleAssignments = TenantOperation("listEnvironmentRoleAssignments")
    /// GET `/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments`.
    public static let listEnvironments = TenantOperation("listEnvironments")
    /// GET `/_tenantsim/faults`.
    public static let listFaults = TenantOperation("listFaults")
    /// GET `/v1.0/groups/{id}/members`; GET `/v1.0/groups/{id}/members/microsoft.graph.user`; GET `/v1.0/groups/{id}/members/graph.user`.
    public static let listGroupMembers = TenantOperation("listGroupMembers")
    /// GET `/v1.0/groups/{id}/owners`.
    public static let listGroupOwners = TenantOperation("listGroupOwners")
    /// GET `/v1.0/groups`.
    public static let listGroups = TenantOperation("listGroups")
    /// GET `/v1.0/users/{id}/licenseDetails`; GET `/v1.0/me/licenseDetails`.
    public static let listLicenseDetails = TenantOperation("listLicenseDetails")
    /// GET `/v1.0/users/{id}/memberOf`; GET `/v1.0/me/memberOf`; GET `/v1.0/users/{id}/memberOf/microsoft.graph.group`.
    public static let listMemberOf = TenantOperation("listMemberOf")
    /// GET `/v1.0/organization`.
    public static let listOrganization = TenantOperation("listOrganization")
    /// GET `/v1.0/roleManagement/directory/roleAssignments`.
    public static let listRoleAssignments = TenantOperation("listRoleAssignments")
    /// GET `/v1.0/roleManagement/directory/roleDefinitions`.
    public static let listRoleDefinitions = TenantOperation("listRoleDefinitions")
    /// GET `/_tenantsim/snapshots`.
    public static let listSnapshots = TenantOperation("listSnapshots")
    /// GET `/v1.0/subscribedSkus`.
    public static let listSubscribedSkus = TenantOperation("listSubscribedSkus")
    /// POST `/providers/Microsoft.BusinessAppPlatform/listTenantSettings`; GET `/providers/Microsoft.BusinessAppPlatform/listTenantSettings`.
    public static let listTenantSettings = TenantOperation("listTenantSettings")
    /// GET `/v1.0/users/{id}/transitiveMemberOf`; GET `/v1.0/me/transitiveMemberOf`; GET `/v1.0/users/{id}/transitiveMemberOf/microsoft.graph.group`.
    public static let listTransitiveMemberOf = TenantOperation("listTransitiveMemberOf")
    /// GET `/v1.0/users`.
    public static let listUsers = TenantOperation("listUsers")
    /// POST `/_tenantsim/world`.
    public static let loadWorld = TenantOperation("loadWorld")
    /// POST `/_tenantsim/apps`.
    public static let makeApp = TenantOperation("makeApp")
    /// POST `/_tenantsim/tokens`.
    public static let mintToken = TenantOperation("mintToken")
    /// POST `/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments/{name}/modifyRoleAssignments`.
    public static let modifyRoleAssignments = TenantOperation("modifyRoleAssignments")
    /// POST `/_tenantsim/notify`.
    public static let notifyUser = TenantOperation("notifyUser")
    /// A caller reaches the Dataverse Web API of an environment.
    public static let openDataverseWebAPI = TenantOperation("openDataverseWebAPI")
    /// POST `/_tenantsim/open`.
    public static let openEnvironment = TenantOperation("openEnvironment")
    /// GET `/_tenantsim/journal`.
    public static let readJournal = TenantOperation("readJournal")
    /// GET `/_tenantsim/outbox`.
    public static let readOutbox = TenantOperation("readOutbox")
    /// An injected fault answered a call (journaled).
    public static let recordFault = TenantOperation("recordFault")
    /// A guest redeems an invitation (the email link, or a direct link just in time).
    public static let redeemInvitation = TenantOperation("redeemInvitation")
    /// DELETE `/v1.0/groups/{id}/members/{memberId}/$ref`.
    public static let removeGroupMember = TenantOperation("removeGroupMember")
    /// DELETE `/v1.0/groups/{id}/owners/{ownerId}/$ref`.
    public static let removeGroupOwner = TenantOperation("removeGroupOwner")
    /// POST `/_tenantsim/reset`.
    public static let reset = TenantOperation("reset")
    /// POST `/v1.0/policies/crossTenantAccessPolicy/default/resetToSystemDefault`.
    public static let resetToSystemDefault = TenantOperation("resetToSystemDefault")
    /// POST `/_tenantsim/restore`.
    public static let restore = TenantOperation("restore")
    /// POST `/_tenantsim/apps/run`.
    public static let runCanvasApp = TenantOperation("runCanvasApp")
    /// POST `/_tenantsim/collaboration`.
    public static let setCollaborationRestrictions = TenantOperation("setCollaborationRestrictions")
    /// POST `/_tenantsim/apps/share`.
    public static let shareCanvasApp = TenantOperation("shareCanvasApp")
    /// A user signs in to a tenant (token endpoint, portals).
    public static let signIn = TenantOperation("signIn")
    /// POST `/_tenantsim/snapshot`.
    public static let snapshot = TenantOperation("snapshot")
    /// The environment's automatic Dataverse user sync.
    public static let syncDataverseUser = TenantOperation("syncDataverseUser")
    /// POST `/{tenant}/oauth2/v2.0/token`.
    public static let token = TenantOperation("token")
    /// PATCH `/v1.0/policies/authorizationPolicy`.
    public static let updateAuthorizationPolicy = TenantOperation("updateAuthorizationPolicy")
    /// PATCH `/v1.0/policies/crossTenantAccessPolicy`.
    public static let updateCrossTenantAccessPolicy = TenantOperation("updateCrossTenantAccessPolicy")
    /// PATCH `/v1.0/policies/crossTenantAccessPolicy/default`.
    public static let updateCrossTenantAccessPolicyConfigurationDefault = TenantOperation("updateCrossTenantAccessPolicyConfigurationDefault")
    /// PATCH `/v1.0/policies/crossTenantAccessPolicy/partners/{tenantId}`.
    public static let updateCrossTenantAccessPolicyConfigurationPartner = TenantOperation("updateCrossTenantAccessPolicyConfigurationPartner")
    /// POST `/providers/Microsoft.BusinessAppPlatform/scopes/admin/updateTenantSettings`.
    public static let updateTenantSettings = TenantOperation("updateTenantSettings")
    /// PATCH `/v1.0/me`; PATCH `/v1.0/users/{id}`.
    public static let updateUser = TenantOperation("updateUser")
    /// POST `/_tenantsim/features`.
    public static let useFeature = TenantOperation("useFeature")

    /// POST `/v1.0/{users|groups|directoryObjects}/{id}/checkMemberGroups`: Which of up to 20 groups a user, group or directory object is in, transitively.
    public static let checkMemberGroups = TenantOperation("checkMemberGroups")
    /// POST `/v1.0/{users|groups|directoryObjects}/{id}/checkMemberObjects`: Which of up to 20 directory objects (groups) a user, group or directory object is a member of, transitively.
    public static let checkMemberObjects = TenantOperation("checkMemberObjects")
    /// POST `/v1.0/{users|groups|directoryObjects}/{id}/getMemberGroups`: Every group a user, group or directory object is in, transitively.
    public static let getMemberGroups = TenantOperation("getMemberGroups")
    /// POST `/v1.0/{users|groups|directoryObjects}/{id}/getMemberObjects`: Every group a user, group or directory object is a member of, transitively.
    public static let getMemberObjects = TenantOperation("getMemberObjects")
    /// GET `/subscriptions` (Azure Resource Manager).
    public static let listSubscriptions = TenantOperation("listSubscriptions")
    /// GET `/tenants` (Azure Resource Manager).
    public static let listTenants = TenantOperation("listTenants")
    /// POST `/api/data/v9.2/teams` (Dataverse).
    public static let createTeam = TenantOperation("createTeam")
    /// PATCH `/api/data/v9.2/teams(id)` (Dataverse).
    public static let updateTeam = TenantOperation("updateTeam")
    /// POST `/api/data/v9.2/teams(id)/teamroles_association/$ref` (Dataverse).
    public static let assignTeamRole = TenantOperation("assignTeamRole")
    /// DELETE `/api/data/v9.2/teams(id)/teamroles_association/$ref` (Dataverse).
    public static let removeTeamRole = TenantOperation("removeTeamRole")
    /// POST `/api/data/v9.2/roles` (Dataverse): a custom security role.
    public static let createSecurityRole = TenantOperation("createSecurityRole")
    /// POST `/api/data/v9.2/systemusers` (Dataverse): add an Entra user to the environment.
    public static let createSystemUser = TenantOperation("createSystemUser")
    /// PATCH `/api/data/v9.2/systemusers(id)` (Dataverse).
    public static let updateSystemUser = TenantOperation("updateSystemUser")
    /// A PATCH to the Dataverse Web API.
    public static let dataversePatch = TenantOperation("dataversePatch")
    /// PATCH `/api/data/v9.2/roles(id)` (Dataverse): rename a custom security role.
    public static let updateSecurityRole = TenantOperation("updateSecurityRole")
    /// GET `/environmentmanagement/environments` (Power Platform API).
    public static let listPlatformEnvironments = TenantOperation("listPlatformEnvironments")
    /// GET `/environmentmanagement/environments/{id}` (Power Platform API).
    public static let getPlatformEnvironment = TenantOperation("getPlatformEnvironment")
    /// GET `/authorization/roleDefinitions` (Power Platform API).
    public static let listPlatformRoleDefinitions = TenantOperation("listPlatformRoleDefinitions")
    /// GET `/authorization/[environments/{id}/]roleAssignments`; POST `…/listRoleAssignments` (Power Platform API).
    public static let listPlatformRoleAssignments = TenantOperation("listPlatformRoleAssignments")
    /// POST `/authorization/[environments/{id}/]roleAssignments` (Power Platform API).
    public static let createPlatformRoleAssignment = TenantOperation("createPlatformRoleAssignment")
    /// DELETE `/authorization/[environments/{id}/]roleAssignments/{id}` (Power Platform API).
    public static let deletePlatformRoleAssignment = TenantOperation("deletePlatformRoleAssignment")
    /// POST `/usermanagement/environments/{id}/user/applyAdminRole` (Power Platform API).
    public static let applyAdminRole = TenantOperation("applyAdminRole")
    /// Every operation, sorted by name.
    public static let all: [TenantOperation] = [
        .addFault,
        .addGroupMember,
        .addGroupOwner,
        .addUser,
        .adminAPI,
        .advanceClock,
        .appSignIn,
        .applyAdminRole,
        .assignLicense,
        .assignSecurityRole,
        .assignTeamRole,
        .checkMemberGroups,
        .checkMemberObjects,
        .clearFaults,
        .countGroupMembers,
        .countGroups,
        .countUsers,
        .createCrossTenantAccessPolicyConfigurationPartner,
        .createGroup,
        .createInvitation,
        .createPlatformRoleAssignment,
        .createRoleAssignment,
        .createSecurityRole,
        .createSystemUser,
        .createTeam,
        .createUser,
        .dataverseDelete,
        .dataverseGet,
        .dataversePatch,
        .dataversePost,
        .deleteCrossTenantAccessPolicyConfigurationPartner,
        .deletePlatformRoleAssignment,
        .deleteRoleAssignment,
        .deleteUser,
        .discoverInstance,
        .dumpState,
        .endpoint,
        .explain,
        .exportSolution,
        .getAuthorizationPolicy,
        .getClock,
        .getCrossTenantAccessPolicy,
        .getCrossTenantAccessPolicyConfigurationDefault,
        .getCrossTenantAccessPolicyConfigurationPartner,
        .getEnvironment,
        .getGroup,
        .getKeys,
        .getMe,
        .getMemberGroups,
        .getMemberObjects,
        .getOpenIdConfiguration,
        .getPlatformEnvironment,
        .getRoleAssignment,
        .getSeed,
        .getSubscribedSku,
        .getUser,
        .getUserRealm,
        .getWorld,
        .importSolution,
        .listCrossTenantAccessPolicyConfigurationPartners,
        .listEnvironmentRoleAssignments,
        .listEnvironments,
        .listFaults,
        .listGroupMembers,
        .listGroupOwners,
        .listGroups,
        .listLicenseDetails,
        .listMemberOf,
        .listOrganization,
        .listPlatformEnvironments,
        .listPlatformRoleAssignments,
        .listPlatformRoleDefinitions,
        .listRoleAssignments,
        .listRoleDefinitions,
        .listSnapshots,
        .listSubscribedSkus,
        .listSubscriptions,
        .listTenantSettings,
        .listTenants,
        .listTransitiveMemberOf,
        .listUsers,
        .loadWorld,
        .makeApp,
        .mintToken,
        .modifyRoleAssignments,
        .notifyUser,
        .openDataverseWebAPI,
        .openEnvironment,
        .readJournal,
        .readOutbox,
        .recordFault,
        .redeemInvitation,
        .removeGroupMember,
        .removeGroupOwner,
        .removeSecurityRole,
        .removeTeamRole,
        .reset,
        .resetToSystemDefault,
        .restore,
        .runCanvasApp,
        .setCollaborationRestrictions,
        .shareCanvasApp,
        .signIn,
        .snapshot,
        .syncDataverseUser,
        .token,
        .updateAuthorizationPolicy,
        .updateCrossTenantAccessPolicy,
        .updateCrossTenantAccessPolicyConfigurationDefault,
        .updateCrossTenantAccessPolicyConfigurationPartner,
        .updateSecurityRole,
        .updateSystemUser,
        .updateTeam,
        .updateTenantSettings,
        .updateUser,
        .useFeature,
    ]
}
