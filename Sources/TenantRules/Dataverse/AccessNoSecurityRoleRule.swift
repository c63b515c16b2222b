import TenantModel

/// `pp.access.no-security-role` — a Dataverse user with no security role tries to use the environment.
public struct AccessNoSecurityRoleRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "pp.access.no-security-role",
        title: "The user has no security role in the environment",
        deniesWhen:
            "a Dataverse user with no security role (or a user not added to an on-demand environment's Dataverse) tries to use the environment's apps",
        notApplicableWhen: "the environment has no Dataverse, or the Dataverse user is disabled (the qualification rules decide)",
        source:
            "Microsoft Learn, Power Platform admin: \"Invite users with Microsoft Entra B2B collaboration\" (Assign invited users a license and security role); Microsoft Learn, Power Platform admin: \"Create users\" (a user has no access to customer engagement apps until a security role is assigned directly or through a group team); emulator choice: error code and text (Microsoft documents the condition, not the error it answers with)",
        explanation:
            "Being synced to Dataverse is not enough: the user needs at least one security role in the environment (e.g. Basic User) before they can open its apps.",
        wire: .dataverse(403, "NoSecurityRole", "The user has no security role in this environment. Contact the environment administrator."))

    public func evaluate(_ context: EnvironmentAccessContext) -> RuleOutcome {
        guard context.environment.hasDataverse else { return .notApplicable([Fact("environment.dataverse", false)]) }
        guard let row = context.dataverseUser else {
            return .forbid(
                [Fact("dataverseUser", "(none)")],
                explanation:
                    "\(context.user.label) is not a Dataverse user of '\(context.environment.displayName)' yet: \(context.environment.sku.rawValue) environments add users on demand. A Power Platform administrator of \(context.tenant.displayName) must add the user (admin API addUser, or Power Platform admin center › Users › Add user), then assign a security role."
            )
        }
        guard !row.isDisabled else { return .notApplicable([Fact("dataverseUser.isdisabled", true)]) }
        let facts = [Fact("securityRoles", context.roleNames.isEmpty ? "(none)" : context.roleNames.sorted().joined(separator: ", "))]
        if !context.roleNames.isEmpty { return .permit(facts) }
        return .forbid(
            facts,
            explanation:
                "\(context.user.label) is a Dataverse user of '\(context.environment.displayName)' but holds no security role: \"assign the invited users with appropriate security roles for the environment so they can access it\" (\(LearnPage.cite(.licenseAndSecurityRole))). A System Administrator of the environment in \(context.tenant.displayName) (the resource tenant) must assign one (e.g. Basic User) — POST systemusers(\(row.id))/systemuserroles_association/$ref."
        )
    }
}
