import TenantModel

/// `pp.dataverse.not-in-security-group` — the environment has a security group and the user isn't in it
/// (directly for pre-provisioning; directly or through nested groups at first access).
public struct DataverseNotInSecurityGroupRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "pp.dataverse.not-in-security-group",
        title: "The user is not a member of the environment's security group",
        deniesWhen:
            "the environment has a security group and the user is not in it: the background sync and an admin's add-user pre-provision direct members only; at the user's first access (opening an app, the Web API) members through nested groups are added too, and stay (Global and Power Platform admins are exempt)",
        notApplicableWhen:
            "the environment has no security group, or the user is a Global or Power Platform administrator (Dynamics 365 administrators must be members)",
        source:
            "Microsoft Learn, Power Platform admin: \"Invite users with Microsoft Entra B2B collaboration\" (Invite a user, methods 1 and 2); Microsoft Learn, Power Platform admin: \"Control user access to environments: security groups and licenses\" (members of nested groups are not pre-provisioned but are added at their first access, and the canvas-app message); Microsoft Learn, Power Platform admin: \"Create users\" (Requirements for successfully adding users in Dataverse, and its older statement that nested groups are ignored, which the page above supersedes); emulator choice: the admin API error code and text",
        explanation:
            "An environment with a security group admits only that group's members. The sync and an admin's add-user provision direct members; members of nested groups get in at their first access. Add the user to the group in the environment's tenant.",
        wire: .adminAPI(403, "UserNotInSecurityGroup", "The user is not a member of the security group that restricts access to this environment."))

    /// What a user who isn't in the group sees when opening an app (Microsoft's canvas-app message).
    public static let firstAccessMessage = "You can't open apps in this environment. You are not a member of the environment's security group."

    public func evaluate(_ context: EnvironmentAccessContext) -> RuleOutcome {
        guard let group = context.securityGroup else { return .notApplicable([Fact("environment.securityGroup", "(none)")]) }
        if context.isSecurityGroupExempt { return .notApplicable([Fact("user.exemptAdminRoles", context.exemptRoleNames.joined(separator: ", "))]) }
        let facts = [
            Fact("environment.securityGroup", "\(group.displayName) (\(group.id))"),
            Fact("user.directMember", context.isDirectMember), Fact("user.nestedMember", context.isNestedMember),
        ]
        if context.isDirectMember { return .permit(facts) }
        // Members through nested groups are added at their first access, and kept once added.
        if context.isNestedMember, context.firstAccess || context.dataverseUser != nil { return .permit(facts) }
        let nested =
            context.isNestedMember
            ? " The user is in the group only through a nested group: nested members are not pre-provisioned, only added when they first open the environment themselves."
            : ""
        return .forbid(
            facts,
            explanation:
                "The environment '\(context.environment.displayName)' is restricted to the security group '\(group.displayName)' and \(context.user.label) is not \(context.isNestedMember ? "a direct member" : "in it").\(nested) Add the user to '\(group.displayName)' in \(context.tenant.displayName) (POST /groups/\(group.id)/members/$ref).",
            message: context.firstAccess ? Self.firstAccessMessage : nil
        )
    }
}
