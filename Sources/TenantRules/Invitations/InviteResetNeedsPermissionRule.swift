import TenantModel

/// `b2b.invite.reset-needs-permission` — resetting redemption needs more than User.Invite.All.
public struct InviteResetNeedsPermissionRule: Rule {
    public init() {}

    public static let acceptedPermissions = ["User.ReadWrite.All", "Directory.ReadWrite.All"]

    public let metadata = RuleMetadata(
        id: "b2b.invite.reset-needs-permission",
        title: "Resetting redemption needs User.ReadWrite.All and a Helpdesk or User Administrator",
        deniesWhen:
            "resetRedemption = true without User.ReadWrite.All (User.Invite.All is not enough) and, delegated, Helpdesk/User/Global Administrator; or an app-only reset of a user holding directory roles",
        notApplicableWhen: "resetRedemption is false, or TenantSim itself builds the world",
        source:
            "Microsoft Learn, Microsoft Graph: \"Create invitation\" (Permissions: User.ReadWrite.All to reset redemption); microsoftgraph/microsoft-graph-docs-contrib#9248 (User.Invite.All is not enough when resetRedemption is true); Microsoft Learn, Entra External ID: \"Reset redemption status for a guest user\" (Required Microsoft Entra roles, and \"For app-only calls, the redemption status can't be reset if there are any roles assigned to the target user account\"); microsoftgraph/microsoft-graph-docs-contrib#2331 (the 403 Authorization_RequestDenied \"Insufficient privileges to complete the operation.\" envelope)",
        explanation:
            "Resetting a guest's redemption status re-points their sign-in, so it needs User.ReadWrite.All (least privileged) and, for a signed-in admin, the Helpdesk or User Administrator role. Apps may not reset users who hold directory roles.",
        wire: .graph(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.", .microsoft))

    public func evaluate(_ context: InvitationContext) -> RuleOutcome {
        let caller = context.caller
        guard context.request.resetRedemption, !caller.isSystem else {
            return .notApplicable([Fact("resetRedemption", context.request.resetRedemption)])
        }
        var facts = caller.facts + [Fact("resetRedemption", true)]
        if !caller.holdsAnyPermission(Self.acceptedPermissions) {
            return .forbid(
                facts,
                explanation:
                    "Resetting redemption needs \(Self.acceptedPermissions.joined(separator: " or ")); the token holds \(caller.permissionSummary). User.Invite.All only sends new invitations. Grant User.ReadWrite.All to the app in \(context.resourceTenant.displayName) and get a new token."
            )
        }
        if caller.isUser && !caller.holdsAnyRole(AdminRoles.redemptionResetters) {
            return .forbid(
                facts,
                explanation:
                    "A signed-in user resetting redemption must be a \(AdminRoles.names(AdminRoles.redemptionResetters)) in \(context.resourceTenant.displayName); the caller holds \(caller.roleSummary)."
            )
        }
        if caller.isApplication {
            let roles = context.resetTargetRoleIds.sorted().map(DirectoryRoleTemplate.displayName(of:))
            facts.append(Fact("resetTarget.roles", roles.isEmpty ? "(none)" : roles.joined(separator: ", ")))
            if !roles.isEmpty {
                return .forbid(
                    facts,
                    explanation:
                        "Apps (app-only) cannot reset the redemption status of a user who holds directory roles (\(roles.joined(separator: ", "))). A Helpdesk or User Administrator must reset it interactively."
                )
            }
        }
        return .permit(facts)
    }
}
