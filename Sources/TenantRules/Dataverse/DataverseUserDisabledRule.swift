import TenantModel

/// `pp.dataverse.user-disabled` — the Entra user is disabled or deleted.
public struct DataverseUserDisabledRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "pp.dataverse.user-disabled",
        title: "The Entra user is disabled or deleted",
        deniesWhen: "the Entra user is disabled (accountEnabled = false) or deleted; their Dataverse row is disabled, never deleted",
        notApplicableWhen: "never: every environment access starts with an enabled Entra user",
        source:
            "Microsoft Learn, Power Platform admin: \"Create users\" (Requirements for successfully adding users in Dataverse: the user must be enabled and not deleted in Microsoft Entra ID, and FAQ: the Dataverse row is then disabled, not deleted); emulator choice: error code and text (Microsoft documents the condition, not the error it answers with)",
        explanation:
            "Only enabled Entra users can be added to or use Dataverse. Enable the account (accountEnabled = true) in the environment's tenant; the next sync re-enables the Dataverse user.",
        wire: .adminAPI(403, "UserDisabled", "The user is disabled or deleted in Microsoft Entra ID and can't be added to the environment."))

    public func evaluate(_ context: EnvironmentAccessContext) -> RuleOutcome {
        let user = context.user
        let facts = [Fact("user.accountEnabled", user.accountEnabled), Fact("user.deleted", user.isDeleted)]
        if user.accountEnabled && !user.isDeleted { return .permit(facts) }
        let state = user.isDeleted ? "deleted" : "disabled"
        return .forbid(
            facts,
            explanation:
                "\(user.label) is \(state) in \(context.tenant.label), the environment's tenant. Power Platform keeps the Dataverse user but disables it. An admin of \(context.tenant.displayName) must \(user.isDeleted ? "restore the user" : "set accountEnabled = true")."
        )
    }
}
