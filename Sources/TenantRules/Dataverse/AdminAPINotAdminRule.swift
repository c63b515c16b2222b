import TenantModel

/// `pp.admin.not-admin` — the Power Platform admin API is for admins only.
public struct AdminAPINotAdminRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "pp.admin.not-admin",
        title: "The caller is not a Power Platform administrator",
        deniesWhen:
            "a caller of the Power Platform admin API (environments, addUser) is neither a Power Platform nor Global administrator, nor an app registered as a Power Platform management app",
        notApplicableWhen: "TenantSim itself builds the world",
        source:
            "Microsoft Learn, Power Platform admin: \"Use service admin roles to manage your tenant\" (Power Platform administrator); Microsoft Learn, Power Platform admin: \"Creating a service principal application using PowerShell\" (Registering an admin management application, and Limitations of service principals: a registered app is treated like a Power Platform Administrator); emulator choice: one check for every admin API call (Power Platform or Global administrator, or a registered app), and the error code and text",
        explanation:
            "The admin API serves Power Platform administrators. Assign the Power Platform Administrator role, or register the app with New-PowerAppManagementApp.",
        wire: .adminAPI(403, "Forbidden", "The caller does not have permission to perform this action on the Power Platform admin API."))

    public func evaluate(_ context: DirectoryChangeContext) -> RuleOutcome {
        PowerPlatformAdminCheck.evaluate(context)
    }
}

/// The shared shape of admin-API authorization: PP/Global admin users, or management apps.
enum PowerPlatformAdminCheck {
    static func evaluate(_ context: DirectoryChangeContext) -> RuleOutcome {
        let caller = context.caller
        if caller.isSystem { return .notApplicable() }
        if caller.isApplication {
            let facts = caller.facts + [Fact("caller.powerPlatformManagementApp", caller.powerPlatformManagementApp)]
            if caller.powerPlatformManagementApp { return .permit(facts) }
            return .forbid(
                facts,
                explanation:
                    "The app \(caller.name) is not registered as a Power Platform management app, so it can't \(context.summary) app-only. Register it with New-PowerAppManagementApp (in \(context.tenant.displayName)), or call as a Power Platform Administrator."
            )
        }
        return RoleRequirementCheck.evaluate(caller: caller, roles: AdminRoles.powerPlatformAdmins, tenant: context.tenant, action: context.summary)
    }
}
