import TenantModel

/// `b2b.invite.disabled` — `allowInvitesFrom = none`: nobody may invite, admins and apps included.
public struct InviteDisabledRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "b2b.invite.disabled",
        title: "Guest invitations are turned off in the resource tenant",
        deniesWhen: "the resource tenant's authorizationPolicy.allowInvitesFrom is `none` (nobody may invite, admins and apps included)",
        notApplicableWhen: "TenantSim itself builds the world",
        source: "§1.4, §4.2",
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
