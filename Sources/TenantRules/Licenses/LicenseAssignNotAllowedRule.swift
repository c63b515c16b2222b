import TenantModel

/// `license.assign.not-allowed` — a signed-in caller without a licensing role.
public struct LicenseAssignNotAllowedRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "license.assign.not-allowed",
        title: "The caller may not assign licences",
        deniesWhen: "the caller lacks LicenseAssignment.ReadWrite.All (or higher) or, signed in, is not a License, User or Global Administrator",
        notApplicableWhen: "the caller is an application (graph.permission.missing checks its permissions) or TenantSim itself",
        source:
            "Microsoft Learn, Microsoft Graph: \"user: assignLicense\" (Permissions: LicenseAssignment.ReadWrite.All is least privileged); Microsoft Learn, Entra ID: \"Microsoft Entra built-in roles\" (License Administrator, User Administrator); microsoftgraph/microsoft-graph-docs-contrib#2331 (the 403 Authorization_RequestDenied \"Insufficient privileges to complete the operation.\" envelope)",
        explanation:
            "Assigning licences needs the License Administrator role (least privilege), User Administrator or Global Administrator in the tenant that owns the subscription — for guests, the resource tenant.",
        wire: .graph(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.", .microsoft))

    public func evaluate(_ context: LicenseContext) -> RuleOutcome {
        RoleRequirementCheck.evaluate(
            caller: context.caller, roles: [.licenseAdministrator, .userAdministrator, .globalAdministrator],
            tenant: context.tenant, action: "assign licences to \(context.target.label)")
    }
}
