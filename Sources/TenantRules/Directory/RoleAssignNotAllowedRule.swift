import TenantModel

/// `directory.role.assign-not-allowed` — a signed-in caller may not assign directory roles.
public struct RoleAssignNotAllowedRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "directory.role.assign-not-allowed",
        title: "The caller may not assign directory roles",
        deniesWhen: "a signed-in caller assigning or removing a directory role is not a Privileged Role Administrator or Global Administrator",
        notApplicableWhen: "the caller is an application (RoleManagement.ReadWrite.Directory decides) or TenantSim itself",
        source:
            "Microsoft Learn, Microsoft Graph: \"Create unifiedRoleAssignment\" (Permissions: RoleManagement.ReadWrite.Directory, and Privileged Role Administrator for a signed-in caller); Microsoft Learn, Entra ID: \"Microsoft Entra built-in roles\" (Privileged Role Administrator); microsoftgraph/microsoft-graph-docs-contrib#2331 (the 403 Authorization_RequestDenied \"Insufficient privileges to complete the operation.\" envelope)",
        explanation: "Directory roles are assigned by a Privileged Role Administrator or Global Administrator of the tenant.",
        wire: .graph(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.", .microsoft))

    public func evaluate(_ context: DirectoryChangeContext) -> RuleOutcome {
        RoleRequirementCheck.evaluate(
            caller: context.caller, roles: AdminRoles.privilegedRoleAdmins, tenant: context.tenant, action: context.summary)
    }
}
