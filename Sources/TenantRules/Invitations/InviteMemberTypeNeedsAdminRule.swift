import TenantModel

/// `b2b.invite.member-type-needs-admin` — `invitedUserType = Member` by a non-administrator.
public struct InviteMemberTypeNeedsAdminRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "b2b.invite.member-type-needs-admin",
        title: "Only administrators may invite external users as members",
        deniesWhen: "invitedUserType is Member and the delegated caller is not a Global or User Administrator",
        notApplicableWhen: "the invitation is for a Guest (the default), or the caller is an application or TenantSim itself",
        source:
            "Microsoft Learn, Microsoft Graph: \"invitation resource type\" (Properties: invitedUserType can be Member \"if you're a company administrator\"); Microsoft Learn, Entra External ID: \"Microsoft Entra B2B collaboration API and customization\" (Capabilities of the invitation API: an admin can invite the user as member); emulator choice: Global and User Administrators count as company administrators, and the error text is TenantSim's",
        explanation:
            "invitedUserType = Member is allowed only for company administrators. Invite as Guest, or have a User Administrator send the invitation.",
        wire: .graph(403, "Authorization_RequestDenied", "Insufficient privileges to invite an external user with userType Member.", .emulator))

    public func evaluate(_ context: InvitationContext) -> RuleOutcome {
        let requested = context.request.invitedUserType ?? "Guest"
        var facts = [Fact("invitedUserType", requested)]
        guard requested.lowercased() == "member" else { return .notApplicable(facts) }
        let caller = context.caller
        guard caller.isUser else { return .notApplicable(facts + caller.facts) }
        facts += caller.facts
        if caller.holdsAnyRole(AdminRoles.memberInviters) { return .permit(facts) }
        return .forbid(
            facts,
            explanation:
                "Inviting with invitedUserType 'Member' needs a company administrator (\(AdminRoles.names(AdminRoles.memberInviters))) in \(context.resourceTenant.displayName); the caller holds \(caller.roleSummary). Invite as Guest, or ask a User Administrator."
        )
    }
}
