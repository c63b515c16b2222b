import TenantModel

/// `b2b.invite.inviter-not-allowed` — the delegated caller lacks what `allowInvitesFrom` requires.
public struct InviterNotAllowedRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "b2b.invite.inviter-not-allowed",
        title: "The signed-in user may not invite guests under the tenant's invite setting",
        deniesWhen:
            "a delegated caller lacks what allowInvitesFrom requires: adminsAndGuestInviters → Global Admin, User Admin, Guest Inviter or Directory Writers; adminsGuestInvitersAndAllMembers → also any member (and guests when guest access is 'same as members'); everyone → also guests",
        notApplicableWhen:
            "the caller is an application (app-only callers pass unless invitations are off), TenantSim itself, or invitations are off entirely (b2b.invite.disabled decides)",
        source:
            "Microsoft Learn, Power Platform admin: \"Invite users with Microsoft Entra B2B collaboration\" (Requirements); Microsoft Learn, Entra External ID: \"Configure external collaboration settings for B2B in Microsoft Entra External ID\" (To configure guest invite settings, and Assign the Guest Inviter role to a user); Microsoft Learn, Microsoft Graph: \"authorizationPolicy resource type\" (allowInvitesFrom); Microsoft Learn, Microsoft Graph: \"Create invitation\" (Permissions: the roles a signed-in inviter may hold); microsoftgraph/microsoft-graph-docs-contrib#9556 (app-only invitations work unless invitations are turned off)",
        explanation:
            "The resource tenant's 'Guest invite settings' (authorizationPolicy.allowInvitesFrom) do not include this user. Either give the user the Guest Inviter (or User Administrator) role in the resource tenant, or have a Privileged Role Administrator widen allowInvitesFrom there.",
        wire: .graph(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.", .microsoft),
        departsFromSeed:
            "The Microsoft Learn page says sending B2B invitations needs at least the User Administrator role. Entra decides by the tenant's guest invite setting (authorizationPolicy.allowInvitesFrom): with the default, members may invite too, and under adminsAndGuestInviters the Guest Inviter role is enough. TenantSim follows Entra's documented behaviour (External collaboration settings), since that is what a script meets in production."
    )

    public func evaluate(_ context: InvitationContext) -> RuleOutcome {
        let caller = context.caller
        guard caller.isUser else { return .notApplicable(caller.facts) }
        let level = context.authorizationPolicy.allowInvitesFrom
        let facts = caller.facts + [Fact("resourceTenant.allowInvitesFrom", level.rawValue)]
        let isInviterRole = caller.holdsAnyRole(AdminRoles.inviters)
        let allowed: Bool
        switch level {
        case .none: return .notApplicable(facts)
        case .adminsAndGuestInviters: allowed = isInviterRole
        case .adminsGuestInvitersAndAllMembers:
            // "…can invite guest users including guests with member permissions"
            let guestWithMemberAccess = context.authorizationPolicy.guestUserRoleId == GuestUserRole.sameAsMembers.rawValue
            allowed = isInviterRole || caller.userType == .member || guestWithMemberAccess
        case .everyone, .unknownFutureValue: allowed = true
        }
        if allowed { return .permit(facts) }
        let who = caller.userType == .guest ? "a guest" : "a member without an inviting role"
        return .forbid(
            facts,
            explanation:
                "In the resource tenant \(context.resourceTenant.label), allowInvitesFrom is '\(level.rawValue)' (\"\(level.portalWording)\"), and the caller is \(who) (roles: \(caller.roleSummary)). In \(context.resourceTenant.displayName), assign the caller the Guest Inviter role (least privilege) or User Administrator, or have a Privileged Role Administrator widen allowInvitesFrom."
        )
    }
}
