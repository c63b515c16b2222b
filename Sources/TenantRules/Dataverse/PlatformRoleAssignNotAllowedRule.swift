import TenantModel

/// `ppapi.rbac.assign-not-allowed` — the caller may not manage Power Platform role assignments at the scope.
public struct PlatformRoleAssignNotAllowedRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "ppapi.rbac.assign-not-allowed",
        title: "The caller may not assign Power Platform roles at the scope",
        deniesWhen:
            "the caller is neither a Power Platform nor Global administrator, nor an app registered as a Power Platform management app, nor holds Power Platform owner or RBAC administrator at the scope or the tenant",
        notApplicableWhen: "TenantSim itself builds the world",
        source:
            "Microsoft Learn, Power Platform admin: \"Role-based access control for Power Platform admin center\" (Built-in Power Platform roles: owner and role-based access control administrator write role assignments); Microsoft Learn, Power Platform admin: \"Tutorial: Assign role-based access control roles to service principals\"; emulator choice: Power Platform and Global administrators and registered management apps may assign at every scope (as the admin API treats them), and the error code and text",
        explanation:
            "Power Platform role assignments are made by Power Platform or Global administrators, or by whoever holds the owner or RBAC administrator role at that scope.",
        wire: .adminAPI(403, "Forbidden", "The caller does not have permission to assign roles at this scope."))

    public func evaluate(_ context: PlatformRoleAssignmentContext) -> RuleOutcome {
        if context.caller.isSystem { return .notApplicable() }
        let facts = context.caller.facts + [Fact("scope", context.scope), Fact("caller.assignsRolesAtScope", context.callerAssignsRolesAtScope)]
        if context.callerAssignsRolesAtScope { return .permit(facts) }
        let admin = PowerPlatformAdminCheck.evaluate(
            DirectoryChangeContext(
                caller: context.caller, permission: GraphPermissions.readPolicies, tenant: context.tenant, summary: context.summary))
        if admin.effect != .forbid { return .permit(facts + admin.facts) }
        return .forbid(
            facts + admin.facts,
            explanation:
                "\(context.caller.name) can't \(context.summary): they are not a Power Platform or Global administrator of \(context.tenant.label), and hold neither the owner nor the RBAC administrator role at \(context.scope). Ask an administrator there."
        )
    }
}
