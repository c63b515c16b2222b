import TenantModel

/// `graph.permission.missing` — generic for every endpoint: the token must hold at least one of the
/// permissions the endpoint accepts.
public struct PermissionMissingRule<Context: PermissionScoped>: Rule {
    public init() {}

    public var metadata: RuleMetadata { Self.catalogue }

    public static var catalogue: RuleMetadata {
        RuleMetadata(
            id: "graph.permission.missing",
            title: "The token lacks every permission the endpoint accepts",
            deniesWhen:
                "the access token holds none of the permissions the endpoint accepts (for invitations: User.Invite.All, User.ReadWrite.All, Directory.ReadWrite.All; the invitation service then answers its own 401 Unauthorized \"…ControllerName=MSGraphInviteAPI, ActionName=CreateInvite…\")",
            notApplicableWhen: "the caller is an interactive portal session or TenantSim itself (no token scopes)",
            source:
                "Microsoft Learn, Microsoft Graph: \"Create invitation\" (Permissions, as on every endpoint page); microsoftgraph/microsoft-graph-docs-contrib#4228 (POST /invitations without permission answers 401 Unauthorized \"…ControllerName=MSGraphInviteAPI, ActionName=CreateInvite…\"); MicrosoftDocs/azure-docs#58360 (the same 401 for an app-only invitation); microsoftgraph/msgraph-sdk-powershell#1274 (the same 401 from New-MgInvitation); microsoft/cross-tenant#11 (the same 401, fixed by adding User.Invite.All); microsoftgraph/microsoft-graph-docs-contrib#2331 (the 403 Authorization_RequestDenied \"Insufficient privileges to complete the operation.\" envelope of other endpoints)",
            explanation:
                "The app's token does not carry a permission this endpoint accepts. In the tenant that owns the app registration, add one of the accepted permissions (application permission for app-only, delegated for user sign-in) and grant admin consent, then get a new token.",
            wire: .graph(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.", .microsoft))
    }

    public func evaluate(_ context: Context) -> RuleOutcome {
        let caller = context.caller
        let requirement = context.permission
        guard let held = caller.permissions else { return .notApplicable(caller.facts) }
        let facts = [
            Fact("endpoint", requirement.endpoint),
            Fact("permissions.accepted", requirement.accepted.joined(separator: ", ")),
            Fact("permissions.held", held.isEmpty ? "(none)" : held.sorted().joined(separator: ", ")),
        ]
        if caller.holdsAnyPermission(requirement.accepted) { return .permit(facts) }
        let kind = caller.isApplication ? "an application permission (app role)" : "a delegated permission (scope)"
        return .forbid(
            facts,
            explanation:
                "\(requirement.endpoint) needs one of these permissions: \(requirement.accepted.joined(separator: ", ")) (least privileged: \(requirement.leastPrivileged)). The token held: \(held.isEmpty ? "(none)" : held.sorted().joined(separator: ", ")). In the tenant that owns the app registration, add \(requirement.leastPrivileged) as \(kind), grant admin consent, and request a new token.",
            wire: context.permissionMissingWire
        )
    }
}
