import TenantModel

/// `policy.collaboration.update-not-allowed` — only a Global Administrator edits the domain list.
public struct CollaborationUpdateNotAllowedRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "policy.collaboration.update-not-allowed",
        title: "The caller may not change collaboration restrictions",
        deniesWhen: "a signed-in caller editing the allow/deny domain list is not a Global Administrator",
        notApplicableWhen: "the caller is an application (its permissions decide) or TenantSim itself",
        source:
            "Microsoft Learn, Entra External ID: \"Allow or block B2B collaboration with organizations\" (Add a blocklist, and Add an allowlist: sign in as a Global Administrator); microsoftgraph/microsoft-graph-docs-contrib#2331 (the 403 Authorization_RequestDenied \"Insufficient privileges to complete the operation.\" envelope); emulator choice: Global Administrator alone, as that page says (the external collaboration settings page also names External Identity Provider Administrator for its portal settings)",
        explanation: "Configuring the collaboration restrictions (allow or deny list of domains) requires the Global Administrator role.",
        wire: .graph(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.", .microsoft))

    public func evaluate(_ context: DirectoryChangeContext) -> RuleOutcome {
        RoleRequirementCheck.evaluate(
            caller: context.caller, roles: AdminRoles.collaborationAdmins, tenant: context.tenant, action: context.summary)
    }
}
