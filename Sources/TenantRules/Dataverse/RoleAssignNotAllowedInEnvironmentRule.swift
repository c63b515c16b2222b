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
        source: "emulator; §8.4",
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
