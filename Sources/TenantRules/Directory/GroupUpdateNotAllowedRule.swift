import TenantModel

/// `directory.group.update-not-allowed` — a signed-in caller may not change group membership.
public struct GroupUpdateNotAllowedRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "directory.group.update-not-allowed",
        title: "The caller may not change group membership",
        deniesWhen:
            "a signed-in caller changing a group's members or owners is not one of its owners, nor a Global Administrator, User Administrator, Directory Writers, Groups Administrator or Identity Governance Administrator (nor an Intune Administrator, for a security group)",
        notApplicableWhen: "the caller is an application (its permissions decide) or TenantSim itself",
        source:
            "Microsoft Learn, Power Platform admin: \"Invite users with Microsoft Entra B2B collaboration\" (Invite a user, method 1: invite to an environment that has a security group); Microsoft Learn, Microsoft Graph: \"Add members\" (Permissions: group owners and the roles listed there); Microsoft Learn, Microsoft Graph: \"Add owners\" (Permissions); microsoftgraph/microsoft-graph-docs-contrib#2331 (the 403 Authorization_RequestDenied \"Insufficient privileges to complete the operation.\" envelope)",
        explanation:
            "Adding a guest to an environment's security group needs one of the group's owners, or User Administrator, Groups Administrator (or Global Administrator / Directory Writers / Identity Governance Administrator) in the resource tenant.",
        wire: .graph(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.", .microsoft),
        departsFromSeed:
            "The Microsoft Learn page has a User Administrator add the guest to the environment's security group. Graph also lets the group's owners, Groups Administrators, Directory Writers and Identity Governance Administrators (and Intune Administrators for security groups) change members, so TenantSim does too."
    )

    public func evaluate(_ context: DirectoryChangeContext) -> RuleOutcome {
        if context.caller.isUser, context.callerOwnsGroup { return .permit(context.caller.facts + [Fact("caller.ownsGroup", true)]) }
        let securityGroup = context.group.map { $0.securityEnabled && !$0.isMicrosoft365 } ?? false
        let roles = AdminRoles.groupAdmins + (securityGroup ? [.intuneAdministrator] : [])
        var outcome = RoleRequirementCheck.evaluate(caller: context.caller, roles: roles, tenant: context.tenant, action: context.summary)
        if let group = context.group, outcome.effect != .notApplicable {
            outcome.facts.append(Fact("caller.ownsGroup", false))
            if outcome.effect == .forbid, let explanation = outcome.explanation {
                outcome.explanation = explanation + " An owner of '\(group.displayName)' may also make the change."
            }
        }
        return outcome
    }
}
