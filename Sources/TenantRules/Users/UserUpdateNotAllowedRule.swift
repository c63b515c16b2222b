import TenantModel

/// `directory.user.update-not-allowed` — the caller may not update this user.
public struct UserUpdateNotAllowedRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "directory.user.update-not-allowed",
        title: "The caller may not update users",
        deniesWhen:
            "a signed-in caller is not a User Administrator or Global Administrator (only a Global Administrator may update a privileged administrator); a License Administrator may change usageLocation alone",
        notApplicableWhen:
            "the caller is an application (its permissions decide) or TenantSim itself, or a user changes only their own self-service profile properties (mobilePhone, officeLocation, preferredLanguage…)",
        source:
            "Microsoft Learn, Power Platform admin: \"Invite users with Microsoft Entra B2B collaboration\" (Update user's name and usage location); Microsoft Learn, Microsoft Graph: \"Update user\" (Permissions); Microsoft Learn, Entra ID: \"Microsoft Entra built-in roles\" (License Administrator: microsoft.directory/users/usageLocation/update); microsoftgraph/microsoft-graph-docs-contrib#2331 (the 403 Authorization_RequestDenied \"Insufficient privileges to complete the operation.\" envelope)",
        explanation:
            "Updating a user's name and usage location needs User Administrator (or Global Administrator) in the tenant that holds the user — for guests, the resource tenant.",
        wire: .graph(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.", .microsoft),
        departsFromSeed:
            "The Microsoft Learn page names the User Administrator role for updating names and usage locations. Entra also lets a License Administrator set usageLocation (microsoft.directory/users/usageLocation/update), so TenantSim does too."
    )

    /// What users may change on their own profile (`PATCH /me`) without an admin role.
    public static let selfServiceProperties: Set<String> = [
        "aboutMe", "birthday", "businessPhones", "interests", "mobilePhone", "mySite", "officeLocation", "pastProjects",
        "preferredLanguage", "preferredName", "responsibilities", "schools", "skills",
    ]

    public func evaluate(_ context: UserUpdateContext) -> RuleOutcome {
        let touched = context.patch.touchedProperties
        if context.caller.kind == .user, context.caller.id == context.target.id.rawValue, !touched.isEmpty,
            touched.allSatisfy(Self.selfServiceProperties.contains)
        {
            return .notApplicable([Fact("caller.updatesOwnProfile", true)])
        }
        let privilegedTarget = AdminRoles.privileged.contains { context.targetRoleIds.contains($0.id) }
        // A License Administrator holds microsoft.directory/users/usageLocation/update: usage location alone.
        let usageLocationOnly = touched == ["usageLocation"]
        let roles =
            privilegedTarget
            ? [DirectoryRoleTemplate.globalAdministrator] : AdminRoles.userAdmins + (usageLocationOnly ? [.licenseAdministrator] : [])
        var outcome = RoleRequirementCheck.evaluate(
            caller: context.caller, roles: roles, tenant: context.tenant,
            action: privilegedTarget ? "update \(context.target.label), who holds a privileged admin role" : "update \(context.target.label)")
        outcome.facts.append(Fact("target.privileged", privilegedTarget))
        return outcome
    }
}
