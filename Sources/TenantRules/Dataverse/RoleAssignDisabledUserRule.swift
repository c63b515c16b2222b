import TenantModel

/// `pp.role.assign-disabled-user` — security roles only go to enabled Dataverse users.
public struct RoleAssignDisabledUserRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "pp.role.assign-disabled-user",
        title: "Security roles can't be assigned to a disabled Dataverse user",
        deniesWhen: "assigning a security role to a Dataverse user who is disabled",
        notApplicableWhen: "the request removes a role, or the environment has no Dataverse",
        source:
            "Microsoft Learn, Power Platform admin: \"Configure user security in an environment\" (a security role can only be assigned to users who have Enabled status); Microsoft Learn, Power Platform admin: \"Create users\" (How stub users are created: the same rule, and the allowRoleAssignmentOnDisabledUsers exception); emulator choice: error code and text, and allowRoleAssignmentOnDisabledUsers is not modelled",
        explanation:
            "Dataverse assigns security roles only to enabled users. Fix why the user is disabled (Entra account, licence in the environment's tenant, security group membership); the next sync enables them, then assign the role.",
        wire: .dataverse(400, "UserDisabled", "Security roles can't be assigned to a disabled user."))

    public func evaluate(_ context: RoleAssignmentContext) -> RuleOutcome {
        guard !context.isRemoval, context.environment.hasDataverse, let row = context.dataverseUser else { return .notApplicable() }
        let facts = [Fact("systemuser.isdisabled", row.isDisabled), Fact("systemuser.disabledReason", optional: row.disabledReason)]
        if !row.isDisabled { return .permit(facts) }
        return .forbid(
            facts,
            explanation:
                "\(context.target.label) is a disabled Dataverse user of '\(context.environment.displayName)'\(row.disabledReason.map { " (\($0))" } ?? ""). Security roles can only be assigned to enabled users: fix the cause in \(context.tenant.label), the environment's tenant, first, then assign '\(context.roleName)'."
        )
    }
}
