import TenantModel

/// The explicit rule list of every operation, in evaluation order. The default of each list is
/// permit: an operation is allowed when no rule forbids it.
public enum OperationRules {
    public static let createInvitation = RuleSet<InvitationContext>(
        operation: .createInvitation,
        rules: [
            PermissionMissingRule<InvitationContext>(),
            InviteDisabledRule(),
            InviterNotAllowedRule(),
            InviteResetNeedsPermissionRule(),
            InviteMemberTypeNeedsAdminRule(),
            InviteEmailInvalidRule(),
            InviteRedirectMissingRule(),
            InviteAlreadyMemberRule(),
            InviteDomainBlockedRule(),
            InviteCrossCloudNotEnabledRule(),
            InviteCrossTenantBlockedRule(),
        ])

    public static let redeemInvitation = RuleSet<RedemptionContext>(
        operation: .redeemInvitation,
        rules: [
            RedeemDomainBlockedRule(),
            RedeemCrossTenantBlockedRule(),
            RedeemEmailVerifiedDisallowedRule(),
            RedeemConsentDeclinedRule(),
            RedeemIdentityProviderRule(),
        ])

    public static let signIn = RuleSet<SignInContext>(
        operation: .signIn,
        rules: [
            SignInWrongCloudRule(),
            SignInMSAMakerPortalRule(),
            SignInMSAPasswordGrantRule(),
            SignInNotInTenantRule(),
            SignInUserDisabledRule(),
        ])

    /// An application authenticating (client credentials): only the cloud of the authority matters.
    public static let appSignIn = RuleSet<SignInContext>(operation: .appSignIn, rules: [SignInWrongCloudRule()])

    public static let updateUser = RuleSet<UserUpdateContext>(
        operation: .updateUser,
        rules: [
            PermissionMissingRule<UserUpdateContext>(),
            UserUpdateNotAllowedRule(),
            UsageLocationInvalidRule(),
            UserFieldTooLongRule(),
        ])

    /// `POST /users`: a member of the tenant, on one of its domains.
    public static let createUser = RuleSet<UserCreationContext>(
        operation: .createUser,
        rules: [PermissionMissingRule<UserCreationContext>(), UserCreateNotAllowedRule(), UserDomainNotVerifiedRule()])

    public static let assignLicense = RuleSet<LicenseContext>(
        operation: .assignLicense,
        rules: [
            PermissionMissingRule<LicenseContext>(),
            LicenseAssignNotAllowedRule(),
            LicenseUnknownSkuRule(),
            LicenseUsageLocationMissingRule(),
            LicenseNoUnitsRule(),
        ])

    static let groupMembershipRules: [any Rule<DirectoryChangeContext>] = [
        PermissionMissingRule<DirectoryChangeContext>(), GroupUpdateNotAllowedRule(),
    ]
    public static let addGroupMember = RuleSet<DirectoryChangeContext>(operation: .addGroupMember, rules: groupMembershipRules)
    public static let removeGroupMember = RuleSet<DirectoryChangeContext>(operation: .removeGroupMember, rules: groupMembershipRules)
    public static let createGroup = RuleSet<DirectoryChangeContext>(operation: .createGroup, rules: groupMembershipRules)
    public static let addGroupOwner = RuleSet<DirectoryChangeContext>(operation: .addGroupOwner, rules: groupMembershipRules)
    public static let removeGroupOwner = RuleSet<DirectoryChangeContext>(operation: .removeGroupOwner, rules: groupMembershipRules)

    static let directoryRoleRules: [any Rule<DirectoryChangeContext>] = [PermissionMissingRule<DirectoryChangeContext>(), RoleAssignNotAllowedRule()]
    public static let createRoleAssignment = RuleSet<DirectoryChangeContext>(operation: .createRoleAssignment, rules: directoryRoleRules)
    public static let deleteRoleAssignment = RuleSet<DirectoryChangeContext>(operation: .deleteRoleAssignment, rules: directoryRoleRules)

    public static let updateAuthorizationPolicy = RuleSet<DirectoryChangeContext>(
        operation: .updateAuthorizationPolicy,
        rules: [PermissionMissingRule<DirectoryChangeContext>(), AuthorizationPolicyUpdateNotAllowedRule()])

    /// The operations that change cross-tenant access settings (the policy, its default, its partners).
    public static let crossTenantAccessOperations: [TenantOperation] = [
        .updateCrossTenantAccessPolicy, .updateCrossTenantAccessPolicyConfigurationDefault, .resetToSystemDefault,
        .createCrossTenantAccessPolicyConfigurationPartner, .updateCrossTenantAccessPolicyConfigurationPartner,
        .deleteCrossTenantAccessPolicyConfigurationPartner,
    ]

    /// The rules of any of ``crossTenantAccessOperations``, named after it.
    public static func changeCrossTenantAccess(_ operation: TenantOperation) -> RuleSet<DirectoryChangeContext> {
        RuleSet(
            operation: operation,
            rules: [PermissionMissingRule<DirectoryChangeContext>(), CrossTenantUpdateNotAllowedRule(), CrossTenantConflictingTargetsRule()])
    }

    public static let setCollaborationRestrictions = RuleSet<DirectoryChangeContext>(
        operation: .setCollaborationRestrictions,
        rules: [PermissionMissingRule<DirectoryChangeContext>(), CollaborationUpdateNotAllowedRule()])

    /// Reads and other endpoints guarded only by permissions.
    public static let endpoint = RuleSet<EndpointContext>(
        operation: .endpoint, rules: [PermissionMissingRule<EndpointContext>()])

    // MARK: Power Platform

    /// Whether a user qualifies for an environment's Dataverse (automatic sync and on-demand addUser).
    public static let dataverseQualification = RuleSet<EnvironmentAccessContext>(
        operation: .syncDataverseUser,
        rules: [
            DataverseUserDisabledRule(), DataverseGuestLicenseWrongTenantRule(), DataverseLicenseMissingRule(),
            DataverseNotInSecurityGroupRule(),
        ])

    /// A user opens an app in the environment: qualification plus a security role.
    public static let openEnvironment = RuleSet<EnvironmentAccessContext>(
        operation: .openEnvironment, rules: dataverseQualification.rules + [AccessNoSecurityRoleRule()])

    public static let makeApp = RuleSet<MakerContext>(
        operation: .makeApp,
        rules: [
            MakerMSACannotSignInRule(), MakerSovereignBoundaryRule(), MakerGuestAccessNotMemberLevelRule(),
            MakerGuestsCannotMakeRule(), MakerDataverseLicenseMissingRule(), MakerEnvironmentMakerMissingRule(),
            MakerAuthoringScopeRule(),
        ])

    static let solutionRules: [any Rule<MakerContext>] = [
        MakerMSACannotSignInRule(), MakerSovereignBoundaryRule(), MakerGuestAccessNotMemberLevelRule(),
        MakerGuestsCannotMakeRule(), MakerDataverseLicenseMissingRule(), SolutionImportExportRoleRule(),
    ]
    public static let importSolution = RuleSet<MakerContext>(operation: .importSolution, rules: solutionRules)
    public static let exportSolution = RuleSet<MakerContext>(operation: .exportSolution, rules: solutionRules)

    public static let runCanvasApp = RuleSet<RunAppContext>(
        operation: .runCanvasApp, rules: [AppNotSharedRule(), AppLicenseMissingRule()])

    public static let useFeature = RuleSet<FeatureContext>(
        operation: .useFeature,
        rules: [
            GuestUnifiedServiceDeskRule(), GuestAppForOutlookRule(), GuestM365GroupCreateRule(), GuestM365GroupPostRule(), GuestCustomerVoiceRule(),
        ])

    static let securityRoleRules: [any Rule<RoleAssignmentContext>] = [
        RoleAssignNotAllowedInEnvironmentRule(), DataverseUserNotYetSyncedRule(), RoleAssignDisabledUserRule(),
    ]
    public static let assignSecurityRole = RuleSet<RoleAssignmentContext>(operation: .assignSecurityRole, rules: securityRoleRules)
    public static let removeSecurityRole = RuleSet<RoleAssignmentContext>(operation: .removeSecurityRole, rules: securityRoleRules)

    /// Operations that read or reference a directory object by id, and so meet replication.
    public static let replicatedOperations: [TenantOperation] = [
        .getUser, .getGroup, .updateUser, .assignLicense, .addGroupMember, .addGroupOwner,
    ]

    /// The replication check of any of ``replicatedOperations``, named after it.
    public static func replication(_ operation: TenantOperation) -> RuleSet<ReplicationContext> {
        RuleSet(operation: operation, rules: [ReplicationNotYetVisibleRule()])
    }

    /// Changes to Dataverse's system tables through the Web API, each guarded by the same privilege check.
    public static let dataverseWriteOperations: [TenantOperation] = [
        .createTeam, .updateTeam, .assignTeamRole, .removeTeamRole, .createSecurityRole, .updateSecurityRole, .createSystemUser, .updateSystemUser,
    ]

    /// The rules of any of ``dataverseWriteOperations``, named after it.
    public static func writeDataverseRecord(_ operation: TenantOperation) -> RuleSet<DataverseWriteContext> {
        RuleSet(operation: operation, rules: [DataverseRecordWriteNotAllowedRule()])
    }

    public static let createPlatformRoleAssignment = RuleSet<PlatformRoleAssignmentContext>(
        operation: .createPlatformRoleAssignment, rules: [PlatformRoleAssignNotAllowedRule()])
    public static let deletePlatformRoleAssignment = RuleSet<PlatformRoleAssignmentContext>(
        operation: .deletePlatformRoleAssignment, rules: [PlatformRoleAssignNotAllowedRule()])

    /// `applyAdminRole`: a Power Platform or Global administrator makes themselves System Administrator.
    public static let applyAdminRole = RuleSet<DirectoryChangeContext>(operation: .applyAdminRole, rules: [AdminAPINotAdminRule()])

    public static let updateTenantSettings = RuleSet<DirectoryChangeContext>(
        operation: .updateTenantSettings, rules: [SettingsAdminRequiredRule()])

    public static let adminAPI = RuleSet<DirectoryChangeContext>(operation: .adminAPI, rules: [AdminAPINotAdminRule()])

    /// Every operation guarded by a rule set of its own (beyond the permission check of reads).
    public static var guardedOperations: [TenantOperation] {
        [
            createInvitation.operation, redeemInvitation.operation, signIn.operation, appSignIn.operation, updateUser.operation, createUser.operation,
            assignLicense.operation, addGroupMember.operation, removeGroupMember.operation, createGroup.operation,
            addGroupOwner.operation, removeGroupOwner.operation,
            createRoleAssignment.operation, deleteRoleAssignment.operation, updateAuthorizationPolicy.operation,
            setCollaborationRestrictions.operation, dataverseQualification.operation, openEnvironment.operation, makeApp.operation,
            importSolution.operation, exportSolution.operation, runCanvasApp.operation, useFeature.operation,
            assignSecurityRole.operation, removeSecurityRole.operation, updateTenantSettings.operation, adminAPI.operation,
            createPlatformRoleAssignment.operation, deletePlatformRoleAssignment.operation, applyAdminRole.operation,
        ] + crossTenantAccessOperations + dataverseWriteOperations
    }

    /// Routes whose decisions are made by other operations' rule sets (the admin API's admin check,
    /// Dataverse's access rules).
    public static let ruleSetsOfRoutes: [TenantOperation: [TenantOperation]] = [
        .listEnvironments: [.adminAPI], .getEnvironment: [.adminAPI], .listEnvironmentRoleAssignments: [.adminAPI],
        .addUser: [.adminAPI, .syncDataverseUser],
        .modifyRoleAssignments: [.assignSecurityRole, .removeSecurityRole], .dataverseGet: [.openEnvironment],
        .dataversePost: [.openEnvironment, .assignSecurityRole, .createTeam, .assignTeamRole, .createSecurityRole, .createSystemUser],
        .dataverseDelete: [.openEnvironment, .removeSecurityRole, .removeTeamRole],
        .dataversePatch: [.openEnvironment, .updateTeam, .updateSecurityRole, .updateSystemUser],
        .listPlatformEnvironments: [.adminAPI], .getPlatformEnvironment: [.adminAPI], .listPlatformRoleAssignments: [.adminAPI],
    ]

    /// Routes any valid token of the tenant may call: the signed-in user's own objects (`/me…`, which
    /// Graph grants with the basic sign-in scope), the organization, and the admin API's tenant
    /// settings read (an emulator choice: Microsoft gates it on an admin role, no rule here does yet).
    public static let tokenOnlyRoutes: Set<TenantOperation> = [
        .getMe, .listMemberOf, .listTransitiveMemberOf, .listLicenseDetails, .listOrganization, .listTenantSettings,
        .listSubscriptions, .listTenants, .listPlatformRoleDefinitions,
    ]

    /// Every rule set's operation and rule ids, for the reference (`tenantsim rules <id>`).
    public static var ruleIdsByOperation: [(operation: TenantOperation, ruleIds: [String])] {
        var sets: [(TenantOperation, [String])] = []
        func add<Context>(_ set: RuleSet<Context>) { sets.append((set.operation, set.ruleIds)) }
        add(createInvitation)
        add(redeemInvitation)
        add(signIn)
        add(appSignIn)
        add(updateUser)
        add(createUser)
        add(assignLicense)
        add(addGroupMember)
        add(removeGroupMember)
        add(createGroup)
        add(addGroupOwner)
        add(removeGroupOwner)
        add(createRoleAssignment)
        add(deleteRoleAssignment)
        add(updateAuthorizationPolicy)
        add(setCollaborationRestrictions)
        add(endpoint)
        add(dataverseQualification)
        add(openEnvironment)
        add(makeApp)
        add(importSolution)
        add(exportSolution)
        add(runCanvasApp)
        add(useFeature)
        add(assignSecurityRole)
        add(removeSecurityRole)
        add(updateTenantSettings)
        add(adminAPI)
        add(createPlatformRoleAssignment)
        add(deletePlatformRoleAssignment)
        add(applyAdminRole)
        sets += crossTenantAccessOperations.map { ($0, changeCrossTenantAccess($0).ruleIds) }
        sets += dataverseWriteOperations.map { ($0, writeDataverseRecord($0).ruleIds) }
        sets += replicatedOperations.map { ($0, replication($0).ruleIds) }
        return sets.map { (operation: $0.0, ruleIds: $0.1) }
    }
}
