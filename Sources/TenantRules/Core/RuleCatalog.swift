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
                ]),
            Section(
                title: "3. Signing in",
                rules: [
                    SignInNotInTenantRule().metadata, SignInUserDisabledRule().metadata, SignInWrongCloudRule().metadata,
                    SignInMSAMakerPortalRule().metadata,
                ]),
            Section(
                title: "4. Profile: name and usage location",
                rules: [UserUpdateNotAllowedRule().metadata, UsageLocationInvalidRule().metadata, UserFieldTooLongRule().metadata]),
            Section(
                title: "5. Licences",
                rules: [
                    LicenseAssignNotAllowedRule().metadata, LicenseUsageLocationMissingRule().metadata,
                    LicenseNoUnitsRule().metadata, LicenseUnknownSkuRule().metadata,
                ]),
            Section(
                title: "9. Policy and directory administration",
                rules: [
                    AuthorizationPolicyUpdateNotAllowedRule().metadata, CrossTenantUpdateNotAllowedRule().metadata,
                    CrossTenantConflictingTargetsRule().metadata, CollaborationUpdateNotAllowedRule().metadata,
                    GroupUpdateNotAllowedRule().metadata, RoleAssignNotAllowedRule().metadata,
                ]),
        ] + extraSections
    }

    /// Sections contributed by later areas (Power Platform, customer engagement).
    static var extraSections: [Section] { [] }

    public static var all: [RuleMetadata] { sections.flatMap(\.rules) }

    public static func find(_ id: String) -> RuleMetadata? { all.first { $0.id == id } }
}
