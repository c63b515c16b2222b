import TenantModel

/// `directory.group.update-not-allowed` — a signed-in caller may not change group membership.
public struct GroupUpdateNotAllowedRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "directory.group.update-not-allowed",
        title: "The caller may not change group membership",
        deniesWhen: "a signed-in caller adding or removing group members is not a Global Administrator, User Administrator or Directory Writer",
        notApplicableWhen: "the caller is an application (its permissions decide) or TenantSim itself",
        source: "emulator; seed:Invite a user (method 1)",
        explanation:
            "Adding a guest to an environment's security group needs User Administrator (or Global Administrator / Directory Writers) in the resource tenant.",
        wire: .graph(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.", .microsoft))

    public func evaluate(_ context: DirectoryChangeContext) -> RuleOutcome {
        RoleRequirementCheck.evaluate(caller: context.caller, roles: AdminRoles.groupAdmins, tenant: context.tenant, action: context.summary)
    }
}
