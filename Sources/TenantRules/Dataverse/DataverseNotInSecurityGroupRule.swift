import TenantModel

/// `pp.dataverse.not-in-security-group` — the environment has a security group and the user isn't a
/// direct member.
public struct DataverseNotInSecurityGroupRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "pp.dataverse.not-in-security-group",
        title: "The user is not a direct member of the environment's security group",
        deniesWhen:
            "the environment has a security group and the user is not a direct member (nested groups are ignored; Global and Power Platform admins are exempt)",
        notApplicableWhen:
            "the environment has no security group, or the user is a Global or Power Platform administrator (Dynamics 365 administrators must be members)",
        source: "seed:Invite a user (methods 1–2), §8.3",
        explanation:
            "An environment with a security group only admits direct members of that group. Add the user (not a group containing them) to the group in the environment's tenant.",
        wire: .adminAPI(403, "UserNotInSecurityGroup", "The user is not a member of the security group that restricts access to this environment."))

    public func evaluate(_ context: EnvironmentAccessContext) -> RuleOutcome {
        guard let group = context.securityGroup else { return .notApplicable([Fact("environment.securityGroup", "(none)")]) }
        if context.isSecurityGroupExempt { return .notApplicable([Fact("user.exemptAdminRoles", context.exemptRoleNames.joined(separator: ", "))]) }
        let facts = [
            Fact("environment.securityGroup", "\(group.displayName) (\(group.id))"),
            Fact("user.directMember", context.isDirectMember), Fact("user.nestedMember", context.isNestedMember),
        ]
        if context.isDirectMember { return .permit(facts) }
        let nested =
            context.isNestedMember
            ? " The user is in the group only through a nested group, and Power Platform ignores nested membership."
            : ""
        return .forbid(
            facts,
            explanation:
                "The environment '\(context.environment.displayName)' is restricted to the security group '\(group.displayName)' and \(context.user.label) is not a direct member.\(nested) Add the user directly to '\(group.displayName)' in \(context.tenant.displayName) (POST /groups/\(group.id)/members/$ref)."
        )
    }
}
