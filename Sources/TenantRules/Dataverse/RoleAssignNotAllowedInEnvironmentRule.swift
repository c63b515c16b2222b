import TenantModel

/// `pp.role.assign-not-allowed` — the caller doesn't administer the environment.
public struct RoleAssignNotAllowedInEnvironmentRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "pp.role.assign-not-allowed",
        title: "The caller may not assign security roles in the environment",
        deniesWhen:
            "the caller is not a System Administrator of the environment, a Global or Power Platform administrator, or an app whose application user is System Administrator",
        notApplicableWhen: "TenantSim itself builds the world",
        source:
            "Microsoft Learn, Power Platform admin: \"Configure user security in an environment\" (System Administrator: creating, modifying and assigning security roles); Microsoft Learn, Power Apps: \"Web service error codes\" (0x80040220, a missing privilege); emulator choice: Global and Power Platform administrators count as System Administrators of every environment (Microsoft now has them elevate themselves first: \"Manage admin roles with Microsoft Entra Privileged Identity Management\"), and the error text",
        explanation:
            "Security roles are assigned by a System Administrator of the environment (Global and Power Platform administrators are System Administrators of every environment).",
        wire: .dataverse(403, "0x80040220", "Principal user is missing prvAssignRole privilege."))

    public func evaluate(_ context: RoleAssignmentContext) -> RuleOutcome {
        if context.caller.isSystem { return .notApplicable() }
        let facts = context.caller.facts + [Fact("caller.administersEnvironment", context.callerAdministersEnvironment)]
        if context.callerAdministersEnvironment { return .permit(facts) }
        return .forbid(
            facts,
            explanation:
                "\(context.caller.name) can't assign or remove security roles in '\(context.environment.displayName)': they are not its System Administrator nor a Global or Power Platform administrator of \(context.tenant.label), the environment's tenant. Ask an administrator there."
        )
    }
}
