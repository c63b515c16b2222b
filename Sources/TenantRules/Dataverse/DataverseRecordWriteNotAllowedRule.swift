import TenantModel

/// `dataverse.record.write-not-allowed` — the caller may not change the environment's teams, roles or users.
public struct DataverseRecordWriteNotAllowedRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "dataverse.record.write-not-allowed",
        title: "The caller may not create or change teams, security roles or users in the environment",
        deniesWhen:
            "the caller is not a System Administrator of the environment, a Global or Power Platform administrator, or an app whose application user is System Administrator",
        notApplicableWhen: "TenantSim itself builds the world",
        source:
            "Microsoft Learn, Power Platform admin: \"Manage group teams\" (a System Administrator creates teams and assigns their roles); Microsoft Learn, Power Platform admin: \"Create users\" (adding users to an environment); Microsoft Learn, Power Apps: \"Web service error codes\" (0x80040220, a missing privilege); emulator choice: one privilege check stands for Dataverse's per-table privileges, and Global and Power Platform administrators count as System Administrators of every environment (Microsoft now has them elevate themselves first: \"Manage admin roles with Microsoft Entra Privileged Identity Management\")",
        explanation:
            "Teams, security roles and users of an environment are managed by its System Administrators (Global and Power Platform administrators are System Administrators of every environment).",
        wire: .dataverse(403, "0x80040220", "Principal user is missing the privilege to create or change this record."))

    public func evaluate(_ context: DataverseWriteContext) -> RuleOutcome {
        if context.caller.isSystem { return .notApplicable() }
        let facts =
            context.caller.facts + [Fact("caller.administersEnvironment", context.callerAdministersEnvironment), Fact("table", context.table)]
        if context.callerAdministersEnvironment { return .permit(facts) }
        return .forbid(
            facts,
            explanation:
                "\(context.caller.name) can't \(context.summary) in '\(context.environment.displayName)': they are not its System Administrator nor a Global or Power Platform administrator of \(context.tenant.label), the environment's tenant. Ask an administrator there."
        )
    }
}
