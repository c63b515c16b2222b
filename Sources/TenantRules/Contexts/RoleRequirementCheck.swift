import TenantModel

/// The shared shape of "a signed-in user needs one of these directory roles" rules. Applications
/// are limited by their permissions (``PermissionMissingRule``) and TenantSim itself by nothing,
/// so both are not applicable.
public enum RoleRequirementCheck {
    public static func evaluate(caller: CallerFacts, roles: [DirectoryRoleTemplate], tenant: Tenant, action: String) -> RuleOutcome {
        guard caller.isUser else { return .notApplicable(caller.facts) }
        let facts = caller.facts + [Fact("roles.accepted", AdminRoles.names(roles))]
        if caller.holdsAnyRole(roles) { return .permit(facts) }
        return .forbid(
            facts,
            explanation:
                "To \(action), the signed-in user needs one of these roles in \(tenant.label): \(AdminRoles.names(roles)). The caller holds \(caller.roleSummary). Assign the least privileged of them in \(tenant.displayName), or have someone who holds it make the change."
        )
    }
}
