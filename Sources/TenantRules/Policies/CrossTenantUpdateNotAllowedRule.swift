import TenantModel

/// `policy.cross-tenant.update-not-allowed`.
public struct CrossTenantUpdateNotAllowedRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "policy.cross-tenant.update-not-allowed",
        title: "The caller may not change cross-tenant access settings",
        deniesWhen: "a cross-tenant access change without Policy.ReadWrite.CrossTenantAccess or, signed in, without Global or Security Administrator",
        notApplicableWhen: "the caller is an application (its permissions decide) or TenantSim itself",
        source:
            "Microsoft Learn, Microsoft Graph: \"Update crossTenantAccessPolicyConfigurationDefault\" (Permissions: Policy.ReadWrite.CrossTenantAccess, and Security Administrator for a signed-in caller); microsoftgraph/microsoft-graph-docs-contrib#2331 (the 403 Authorization_RequestDenied \"Insufficient privileges to complete the operation.\" envelope); emulator choice: Teams Administrator, which the page also lists for all but identity synchronization settings, is not modelled",
        explanation:
            "Cross-tenant access settings need Policy.ReadWrite.CrossTenantAccess and, for a signed-in admin, Security Administrator or Global Administrator of the tenant being configured.",
        wire: .graph(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.", .microsoft))

    public func evaluate(_ context: DirectoryChangeContext) -> RuleOutcome {
        RoleRequirementCheck.evaluate(
            caller: context.caller, roles: AdminRoles.crossTenantAdmins, tenant: context.tenant, action: context.summary)
    }
}
