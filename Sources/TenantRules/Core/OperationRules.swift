/// The explicit rule list of every operation, in evaluation order. The default of each list is
/// permit: an operation is allowed when no rule forbids it.
public enum OperationRules {
    public static let createInvitation = RuleSet<InvitationContext>(
        operation: "createInvitation",
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
        operation: "redeemInvitation",
        rules: [
            RedeemDomainBlockedRule(),
            RedeemCrossTenantBlockedRule(),
            RedeemEmailVerifiedDisallowedRule(),
            RedeemIdentityProviderRule(),
        ])

    public static let signIn = RuleSet<SignInContext>(
        operation: "signIn",
        rules: [
            SignInWrongCloudRule(),
            SignInMSAMakerPortalRule(),
            SignInMSAPasswordGrantRule(),
            SignInNotInTenantRule(),
            SignInUserDisabledRule(),
        ])

    /// An application authenticating (client credentials): only the cloud of the authority matters.
    public static let appSignIn = RuleSet<SignInContext>(operation: "appSignIn", rules: [SignInWrongCloudRule()])

    public static let updateUser = RuleSet<UserUpdateContext>(
        operation: "updateUser",
        rules: [
            PermissionMissingRule<UserUpdateContext>(),
            UserUpdateNotAllowedRule(),
            UsageLocationInvalidRule(),
            UserFieldTooLongRule(),
        ])

    public static let assignLicense = RuleSet<LicenseContext>(
        operation: "assignLicense",
        rules: [
            PermissionMissingRule<LicenseContext>(),
            LicenseAssignNotAllowedRule(),
            LicenseUnknownSkuRule(),
            LicenseUsageLocationMissingRule(),
            LicenseNoUnitsRule(),
        ])

    public static let changeGroupMembership = RuleSet<DirectoryChangeContext>(
        operation: "changeGroupMembership",
        rules: [PermissionMissingRule<DirectoryChangeContext>(), GroupUpdateNotAllowedRule()])

    public static let changeDirectoryRole = RuleSet<DirectoryChangeContext>(
        operation: "changeDirectoryRole",
        rules: [PermissionMissingRule<DirectoryChangeContext>(), RoleAssignNotAllowedRule()])

    public static let updateAuthorizationPolicy = RuleSet<DirectoryChangeContext>(
        operation: "updateAuthorizationPolicy",
        rules: [PermissionMissingRule<DirectoryChangeContext>(), AuthorizationPolicyUpdateNotAllowedRule()])

    public static let updateCrossTenantAccess = RuleSet<DirectoryChangeContext>(
        operation: "updateCrossTenantAccess",
        rules: [
            PermissionMissingRule<DirectoryChangeContext>(), CrossTenantUpdateNotAllowedRule(),
            CrossTenantConflictingTargetsRule(),
        ])

    public static let updateCollaborationRestrictions = RuleSet<DirectoryChangeContext>(
        operation: "updateCollaborationRestrictions",
        rules: [PermissionMissingRule<DirectoryChangeContext>(), CollaborationUpdateNotAllowedRule()])

    /// Reads and other endpoints guarded only by permissions.
    public static let endpoint = RuleSet<EndpointContext>(
        operation: "endpoint", rules: [PermissionMissingRule<EndpointContext>()])

    // MARK: Power Platform

    /// Whether a user qualifies for an environment's Dataverse (automatic sync and on-demand addUser).
    public static let dataverseQualification = RuleSet<EnvironmentAccessContext>(
        operation: "syncDataverseUser",
        rules: [
            DataverseUserDisabledRule(), DataverseGuestLicenseWrongTenantRule(), DataverseLicenseMissingRule(),
            DataverseNotInSecurityGroupRule(),
        ])

    /// A user opens an app in the environment: qualification plus a security role.
    public static let openEnvironment = RuleSet<EnvironmentAccessContext>(
        operation: "openEnvironment", rules: dataverseQualification.rules + [AccessNoSecurityRoleRule()])

    public static let makeApp = RuleSet<MakerContext>(
        operation: "makeApp",
        rules: [
            MakerMSACannotSignInRule(), MakerSovereignBoundaryRule(), MakerGuestAccessNotMemberLevelRule(),
            MakerGuestsCannotMakeRule(), MakerDataverseLicenseMissingRule(), MakerEnvironmentMakerMissingRule(),
            MakerAuthoringScopeRule(),
        ])

    public static let importExportSolution = RuleSet<MakerContext>(
        operation: "importExportSolution",
        rules: [
            MakerMSACannotSignInRule(), MakerSovereignBoundaryRule(), MakerGuestAccessNotMemberLevelRule(),
            MakerGuestsCannotMakeRule(), MakerDataverseLicenseMissingRule(), SolutionImportExportRoleRule(),
        ])

    public static let runCanvasApp = RuleSet<RunAppContext>(
        operation: "runCanvasApp", rules: [AppNotSharedRule(), AppLicenseMissingRule()])

    public static let useFeature = RuleSet<FeatureContext>(
        operation: "useFeature",
        rules: [GuestUnifiedServiceDeskRule(), GuestAppForOutlookRule(), GuestM365GroupCreateRule(), GuestCustomerVoiceRule()])

    public static let assignSecurityRole = RuleSet<RoleAssignmentContext>(
        operation: "assignSecurityRole", rules: [RoleAssignNotAllowedInEnvironmentRule(), RoleAssignDisabledUserRule()])

    public static let updateTenantSettings = RuleSet<DirectoryChangeContext>(
        operation: "updateTenantSettings", rules: [SettingsAdminRequiredRule()])

    public static let adminAPI = RuleSet<DirectoryChangeContext>(operation: "adminAPI", rules: [AdminAPINotAdminRule()])
}
