import TenantModel

/// `pp.maker.authoring-scope` — Environment Maker alone can't author model-driven apps or solutions.
public struct MakerAuthoringScopeRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "pp.maker.authoring-scope",
        title: "Environment Maker alone can't author model-driven apps, tables or solutions",
        deniesWhen: "a user whose only maker role is Environment Maker authors a model-driven app, tables or a solution (needs System Customizer)",
        notApplicableWhen: "the app is a canvas app (with or without Dataverse)",
        source:
            "Microsoft Learn, Power Platform admin: \"Configure user security in an environment\" (Environment Maker has no data privileges, and makers who create tables need System Customizer as well); Microsoft Learn, Power Apps: \"Web service error codes\" (0x80040220, a missing privilege); emulator choice: the privilege named in the text",
        explanation:
            "Environment Maker can author canvas apps, flows and connections but not Dataverse tables, model-driven apps or solutions. Assign System Customizer in addition.",
        wire: .dataverse(403, "0x80040220", "Principal user is missing prvCreateEntity privilege."))

    public func evaluate(_ context: MakerContext) -> RuleOutcome {
        guard context.appKind.needsCustomizer else { return .notApplicable([Fact("app.kind", context.appKind.rawValue)]) }
        let facts = [Fact("app.kind", context.appKind.rawValue), Fact("securityRoles", context.roleSummary)]
        if !context.roleNames.isDisjoint(with: SecurityRoleName.customizers) { return .permit(facts) }
        return .forbid(
            facts,
            explanation:
                "\(context.user.label) holds \(context.roleSummary) in '\(context.environment.displayName)'. Environment Maker can't author \(context.appKind == .solution ? "solutions" : "model-driven apps") (\(LearnPage.cite(.guestMaker))); a System Administrator of the environment in \(context.resourceTenant.displayName) must assign System Customizer in addition."
        )
    }
}
