/// Every rule TenantSim implements, once, in catalogue order — the source of `tenantsim rules` and
/// docs/RULES.md.
public enum RuleCatalog {
    /// Catalogue sections, in the order of rules.md.
    public struct Section: Sendable {
        public var title: String
        public var rules: [RuleMetadata]
    }

    public static var sections: [Section] {
        [
            Section(
                title: "1. Inviting guests",
                rules: [
                    PermissionMissingRule<EndpointContext>.catalogue, InviteDisabledRule().metadata,
                    InviterNotAllowedRule().metadata, InviteEmailInvalidRule().metadata,
                    InviteRedirectMissingRule().metadata, InviteDomainBlockedRule().metadata,
                    InviteCrossTenantBlockedRule().metadata, InviteCrossCloudNotEnabledRule().metadata,
                    InviteAlreadyMemberRule().metadata, InviteMemberTypeNeedsAdminRule().metadata,
                    InviteResetNeedsPermissionRule().metadata,
                ]),
            Section(
                title: "2. Redeeming",
                rules: [
                    RedeemIdentityProviderRule().metadata, RedeemDomainBlockedRule().metadata,
                    RedeemCrossTenantBlockedRule().metadata, RedeemEmailVerifiedDisallowedRule().metadata,
                    RedeemConsentDeclinedRule().metadata,
                ]),
            Section(
                title: "3. Signing in",
                rules: [
                    SignInNotInTenantRule().metadata, SignInUserDisabledRule().metadata, SignInWrongCloudRule().metadata,
                    SignInMSAMakerPortalRule().metadata, SignInMSAPasswordGrantRule().metadata,
                ]),
            Section(
                title: "4. Users: members, name and usage location",
                rules: [
                    UserUpdateNotAllowedRule().metadata, UsageLocationInvalidRule().metadata, UserFieldTooLongRule().metadata,
                    UserCreateNotAllowedRule().metadata, UserDomainNotVerifiedRule().metadata,
                ]),
            Section(
                title: "5. Licences",
                rules: [
                    LicenseAssignNotAllowedRule().metadata, LicenseUsageLocationMissingRule().metadata,
                    LicenseNoUnitsRule().metadata, LicenseUnknownSkuRule().metadata,
                ]),
        ] + extraSections + [
            Section(
                title: "9. Policy and directory administration",
                rules: [
                    AuthorizationPolicyUpdateNotAllowedRule().metadata, CrossTenantUpdateNotAllowedRule().metadata,
                    CrossTenantConflictingTargetsRule().metadata, CollaborationUpdateNotAllowedRule().metadata,
                    GroupUpdateNotAllowedRule().metadata, RoleAssignNotAllowedRule().metadata,
                    ReplicationNotYetVisibleRule().metadata,
                ])
        ]
    }

    /// Sections 6–8: Power Platform environments, guest makers, customer engagement features.
    static var extraSections: [Section] {
        [
            Section(
                title: "6. Environments and Dataverse users",
                rules: [
                    DataverseUserDisabledRule().metadata, DataverseLicenseMissingRule().metadata,
                    DataverseGuestLicenseWrongTenantRule().metadata, DataverseNotInSecurityGroupRule().metadata,
                    AccessNoSecurityRoleRule().metadata, RoleAssignDisabledUserRule().metadata,
                    RoleAssignNotAllowedInEnvironmentRule().metadata, DataverseUserNotYetSyncedRule().metadata,
                    DataverseRecordWriteNotAllowedRule().metadata, AdminAPINotAdminRule().metadata,
                    PlatformRoleAssignNotAllowedRule().metadata,
                    AppNotSharedRule().metadata, AppLicenseMissingRule().metadata,
                ]),
            Section(
                title: "7. Guest makers",
                rules: [
                    MakerGuestsCannotMakeRule().metadata, MakerGuestAccessNotMemberLevelRule().metadata,
                    MakerEnvironmentMakerMissingRule().metadata, MakerMSACannotSignInRule().metadata,
                    MakerDataverseLicenseMissingRule().metadata, MakerSovereignBoundaryRule().metadata,
                    MakerAuthoringScopeRule().metadata, SolutionImportExportRoleRule().metadata,
                    SettingsAdminRequiredRule().metadata,
                ]),
            Section(
                title: "8. Features B2B guests cannot use",
                rules: [
                    GuestUnifiedServiceDeskRule().metadata, GuestAppForOutlookRule().metadata,
                    GuestM365GroupCreateRule().metadata, GuestM365GroupPostRule().metadata, GuestCustomerVoiceRule().metadata,
                ]),
        ]
    }

    public static var all: [RuleMetadata] { sections.flatMap(\.rules) }

    public static func find(_ id: String) -> RuleMetadata? { all.first { $0.id == id } }
}
