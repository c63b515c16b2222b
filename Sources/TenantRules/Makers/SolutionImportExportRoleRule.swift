import TenantModel

/// `pp.solution.import-export-role` — importing or exporting solutions needs System Customizer.
public struct SolutionImportExportRoleRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "pp.solution.import-export-role",
        title: "Importing or exporting solutions needs a role that allows it",
        deniesWhen: "a guest imports or exports a solution without System Customizer or System Administrator in the environment",
        notApplicableWhen: "the user is a member (their own roles are checked by Dataverse as usual)",
        source:
            "Microsoft Learn, Power Platform admin: \"Invite users with Microsoft Entra B2B collaboration\" (Power Apps support for B2B guest maker, step 5, optional: a security role that allows solution import and export); Microsoft Learn, Power Platform admin: \"Configure user security in an environment\" (solutions are authored by System Customizer or System Administrator, not Environment Maker); emulator choice: System Customizer and System Administrator are the roles that allow it, and the error text",
        explanation:
            "Optional step 5 of the guest maker setup: assign a security role that allows solution import and export (System Customizer or System Administrator) to the guest in the environment.",
        wire: .dataverse(403, "0x80040220", "Principal user is missing prvImportCustomization privilege."))

    public func evaluate(_ context: MakerContext) -> RuleOutcome {
        guard context.isGuest else { return .notApplicable([Fact("user.userType", "Member")]) }
        let facts = [Fact("securityRoles", context.roleSummary)]
        if !context.roleNames.isDisjoint(with: SecurityRoleName.customizers) { return .permit(facts) }
        return .forbid(
            facts,
            explanation:
                "\(context.user.label) holds \(context.roleSummary) in '\(context.environment.displayName)'. Importing or exporting solutions needs System Customizer or System Administrator (\(LearnPage.cite(.guestMaker))). Assign it in the environment in \(context.resourceTenant.displayName)."
        )
    }
}
