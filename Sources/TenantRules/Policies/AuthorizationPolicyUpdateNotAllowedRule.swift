import TenantModel

/// `policy.authorization.update-not-allowed`.
public struct AuthorizationPolicyUpdateNotAllowedRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "policy.authorization.update-not-allowed",
        title: "The caller may not change the authorization policy",
        deniesWhen:
            "PATCH authorizationPolicy without Policy.ReadWrite.Authorization or, signed in, without Privileged Role Administrator or Global Administrator",
        notApplicableWhen: "the caller is an application (its permissions decide) or TenantSim itself",
        source:
            "Microsoft Learn, Microsoft Graph: \"Update authorizationPolicy\" (Permissions: Policy.ReadWrite.Authorization, and Privileged Role Administrator for a signed-in caller); microsoftgraph/microsoft-graph-docs-contrib#2331 (the 403 Authorization_RequestDenied \"Insufficient privileges to complete the operation.\" envelope)",
        explanation:
            "Guest invite settings and the guest access level live in the authorization policy; changing them needs Policy.ReadWrite.Authorization and, for a signed-in admin, Privileged Role Administrator or Global Administrator in that tenant.",
        wire: .graph(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.", .microsoft))

    public func evaluate(_ context: DirectoryChangeContext) -> RuleOutcome {
        RoleRequirementCheck.evaluate(
            caller: context.caller, roles: AdminRoles.privilegedRoleAdmins, tenant: context.tenant, action: context.summary)
    }
}
