import TenantModel

/// `directory.user.create-not-allowed` — a signed-in caller may not create users.
public struct UserCreateNotAllowedRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "directory.user.create-not-allowed",
        title: "The caller may not create users",
        deniesWhen: "a signed-in caller creating a member user is not a User Administrator or Global Administrator",
        notApplicableWhen: "the caller is an application (its permissions decide) or TenantSim itself",
        source:
            "Microsoft Learn, Microsoft Graph: \"Create user\" (Permissions: User Administrator is the least privileged role); Microsoft Learn, Entra ID: \"Microsoft Entra built-in roles\" (User Administrator); microsoftgraph/microsoft-graph-docs-contrib#2331 (the 403 Authorization_RequestDenied \"Insufficient privileges to complete the operation.\" envelope)",
        explanation:
            "Creating a member user needs User Administrator (or Global Administrator) in the tenant. Partners' people are not created as members: invite them (POST /invitations), which a Guest Inviter may do.",
        wire: .graph(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.", .microsoft))

    public func evaluate(_ context: UserCreationContext) -> RuleOutcome {
        RoleRequirementCheck.evaluate(
            caller: context.caller, roles: AdminRoles.userAdmins, tenant: context.tenant, action: "create the user \(context.userPrincipalName)")
    }
}
