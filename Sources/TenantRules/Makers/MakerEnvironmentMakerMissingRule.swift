import TenantModel

/// `pp.maker.environment-maker-missing` — no role that lets the user make apps in the environment.
public struct MakerEnvironmentMakerMissingRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "pp.maker.environment-maker-missing",
        title: "The user holds no maker role in the environment",
        deniesWhen:
            "the user holds neither Environment Maker nor System Customizer / System Administrator (Environment Admin without Dataverse) in the environment; members are makers of the default environment",
        notApplicableWhen: "a member in the tenant's default environment (every member is a maker there)",
        source:
            "Microsoft Learn, Power Platform admin: \"Invite users with Microsoft Entra B2B collaboration\" (Power Apps support for B2B guest maker, step 3: assign the Environment Maker security role); Microsoft Learn, Power Platform admin: \"Configure user security in an environment\" (predefined security roles: Environment Maker, System Customizer, System Administrator, Environment Admin); emulator choice: error code and text (Microsoft documents the condition, not the error it answers with)",
        explanation: "Assign the Environment Maker security role to the user in the target environment (in the resource tenant).",
        wire: .adminAPI(403, "EnvironmentMakerRequired", "The user does not have permission to create apps in this environment."))

    public func evaluate(_ context: MakerContext) -> RuleOutcome {
        if !context.isGuest && context.environment.isDefault {
            return .notApplicable([Fact("environment.isDefault", true), Fact("user.userType", "Member")])
        }
        let facts = [Fact("securityRoles", context.roleSummary)]
        if !context.roleNames.isDisjoint(with: SecurityRoleName.makers) { return .permit(facts) }
        return .forbid(
            facts,
            explanation:
                "\(context.user.label) holds \(context.roleSummary) in '\(context.environment.displayName)'. To make apps they need the Environment Maker security role (or System Customizer). A System Administrator of the environment in \(context.resourceTenant.displayName) must assign it. Tip from Microsoft Learn: review who else holds Environment Maker, especially in the default environment (\(LearnPage.cite(.guestMaker)))."
        )
    }
}
