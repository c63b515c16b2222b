import TenantModel

/// `b2b.invite.disabled` — `allowInvitesFrom = none`: nobody may invite, admins and apps included.
public struct InviteDisabledRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "b2b.invite.disabled",
        title: "Guest invitations are turned off in the resource tenant",
        deniesWhen: "the resource tenant's authorizationPolicy.allowInvitesFrom is `none` (nobody may invite, admins and apps included)",
        notApplicableWhen: "TenantSim itself builds the world",
        source:
            "Microsoft Learn, Entra External ID: \"Configure external collaboration settings for B2B in Microsoft Entra External ID\" (To configure guest invite settings: \"No one in the organization can invite guest users including admins (most restrictive)\"); Microsoft Learn, Microsoft Graph: \"authorizationPolicy resource type\" (allowInvitesFrom: none, the default in US Government clouds); Microsoft Learn, Entra ID: \"Configure cross-tenant synchronization\" (Symptom - Users fail to provision with error AzureActiveDirectoryForbidden: \"Guest invitations not allowed for your company. Contact your company administrator for more details.\"); MicrosoftDocs/azure-docs#78054 (an app-only invitation answers HTTP 403 Forbidden with that message); microsoftgraph/microsoft-graph-docs-contrib#9556 (app-only invitations work unless invitations are turned off)",
        explanation:
            "The resource tenant's external collaboration settings say no one may invite guests (allowInvitesFrom = none). This is the default in the US Government (Azure Government) cloud. A Privileged Role Administrator or Global Administrator of the resource tenant must change 'Guest invite settings' (authorizationPolicy.allowInvitesFrom) to a level that includes the inviter.",
        wire: .graph(
            403, "Authorization_RequestDenied",
            "Guest invitations not allowed for your company. Contact your company administrator for more details.", .microsoft))

    public func evaluate(_ context: InvitationContext) -> RuleOutcome {
        if context.caller.isSystem { return .notApplicable(context.caller.facts) }
        let level = context.authorizationPolicy.allowInvitesFrom
        let facts = [
            Fact("resourceTenant", context.resourceTenant.label),
            Fact("resourceTenant.cloud", context.resourceTenant.cloud.rawValue),
            Fact("resourceTenant.allowInvitesFrom", level.rawValue),
        ]
        guard level == .none else { return .permit(facts) }
        let cloudNote =
            context.resourceTenant.cloud.entraCloud == .usGovernment
            ? " \(context.resourceTenant.cloud.displayName) tenants start with this setting."
            : ""
        return .forbid(
            facts,
            explanation:
                "In the resource tenant \(context.resourceTenant.label), allowInvitesFrom is 'none': no one can invite guest users, including admins and apps.\(cloudNote) A Privileged Role Administrator or Global Administrator of \(context.resourceTenant.displayName) must raise 'Guest invite settings' (PATCH /policies/authorizationPolicy allowInvitesFrom) before anyone can invite."
        )
    }
}
