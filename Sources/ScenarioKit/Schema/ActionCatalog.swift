/// Every action a scenario step can take, with the arguments it accepts. A scalar value stands for
/// the action's `shorthand` argument (`invite: pat@fabrikam.com`).
public enum ActionCatalog {
    public struct Definition: Sendable {
        public var name: String
        /// Who performs it.
        public enum Performer: String, Sendable { case admin, guest, system }
        public var performer: Performer
        public var shorthand: String?
        public var required: [String]
        public var optional: [String]
        /// Accepts any further keys (passed through to the wire as Graph properties).
        public var passthrough: Bool
        public var summary: String
    }

    static func admin(
        _ name: String, _ shorthand: String?, required: [String], optional: [String] = [], passthrough: Bool = false, _ summary: String
    ) -> Definition {
        Definition(
            name: name, performer: .admin, shorthand: shorthand, required: required, optional: optional, passthrough: passthrough, summary: summary)
    }

    static func guest(_ name: String, _ shorthand: String?, required: [String], optional: [String] = [], _ summary: String) -> Definition {
        Definition(name: name, performer: .guest, shorthand: shorthand, required: required, optional: optional, passthrough: false, summary: summary)
    }

    public static let all: [Definition] = [
        admin(
            "invite", "email", required: ["email"], optional: ["redirect", "displayName", "sendMessage", "message", "userType", "resetRedemption"],
            "POST /invitations in the actor's tenant"),
        admin(
            "setProfile", "user", required: ["user"],
            optional: ["givenName", "surname", "displayName", "usageLocation", "accountEnabled", "userType"],
            "PATCH /users/{id}"),
        admin("assignLicense", nil, required: ["user", "sku"], "POST /users/{id}/assignLicense (addLicenses)"),
        admin("removeLicense", nil, required: ["user", "sku"], "POST /users/{id}/assignLicense (removeLicenses)"),
        admin("addToGroup", nil, required: ["user", "group"], "POST /groups/{id}/members/$ref"),
        admin("removeFromGroup", nil, required: ["user", "group"], "DELETE /groups/{id}/members/{id}/$ref"),
        admin("assignDirectoryRole", nil, required: ["user", "role"], "POST /roleManagement/directory/roleAssignments"),
        admin(
            "setAuthorizationPolicy", nil, required: [],
            optional: ["allowInvitesFrom", "guestUserRoleId", "guestAccess", "allowEmailVerifiedUsersToJoinOrganization"],
            "PATCH /policies/authorizationPolicy"),
        admin("setCollaboration", nil, required: [], optional: ["allowedDomains", "blockedDomains"], "set the collaboration domain allow/deny list"),
        admin("setCrossTenantDefault", nil, required: [], passthrough: true, "PATCH /policies/crossTenantAccessPolicy/default (Graph body)"),
        admin("addCrossTenantPartner", "tenant", required: ["tenant"], passthrough: true, "POST /policies/crossTenantAccessPolicy/partners"),
        admin(
            "updateCrossTenantPartner", nil, required: ["tenant"], passthrough: true, "PATCH /policies/crossTenantAccessPolicy/partners/{tenantId}"),
        admin("setCloudSettings", nil, required: ["allowedCloudEndpoints"], "PATCH /policies/crossTenantAccessPolicy (Microsoft cloud settings)"),
        admin("updateTenantSettings", nil, required: [], passthrough: true, "admin API updateTenantSettings (partial document)"),
        admin(
            "enableGuestMakers", "enabled", required: [], optional: ["enabled"],
            "admin API updateTenantSettings powerPlatform.powerApps.enableGuestsToMake"),
        admin("addUserToEnvironment", nil, required: ["user", "environment"], "admin API addUser (sync to Dataverse on demand)"),
        admin(
            "assignSecurityRole", nil, required: ["user", "environment", "role"],
            "Dataverse systemuserroles_association (or the admin API for environments without Dataverse)"),
        admin("removeSecurityRole", nil, required: ["user", "environment", "role"], "remove a security role"),
        admin(
            "createTeam", nil, required: ["name", "environment"], optional: ["group", "membership"],
            "Dataverse POST teams (with group: an Entra group team; membership: members and guests, members, owners or guests)"),
        admin("assignTeamRole", nil, required: ["team", "environment", "role"], "Dataverse teamroles_association"),
        admin(
            "assignPlatformRole", nil, required: ["user", "role"], optional: ["environment"],
            "Power Platform API role assignment at the tenant or an environment"),
        admin(
            "applyAdminRole", "environment", required: ["environment"], "Power Platform API applyAdminRole (the actor becomes System Administrator)"),
        admin("notify", nil, required: ["user", "environment"], optional: ["message"], "send the guest the environment URL"),
        admin(
            "createUser", "upn", required: ["upn"], optional: ["displayName", "givenName", "surname", "usageLocation", "password", "accountEnabled"],
            "POST /users: a member account on one of the tenant's domains"),
        admin("deleteUser", "user", required: ["user"], "DELETE /users/{id}"),
        guest(
            "redeem", "tenant", required: ["tenant"], optional: ["url", "consent"],
            "the guest opens the invitation link (consent: accept or decline the consent prompt)"),
        guest(
            "signIn", "tenant", required: [], optional: ["tenant", "client", "cloud", "consent"],
            "the person signs in (tenant omitted: no tenant chosen); a pending guest redeems just in time (consent: accept or decline)"),
        guest("openEnvironment", "environment", required: ["environment"], "the person opens an app in the environment"),
        guest("makeApp", "environment", required: ["environment"], optional: ["kind", "name"], "make an app in the maker portal"),
        guest("importSolution", "environment", required: ["environment"], optional: ["name"], "import a solution"),
        guest("exportSolution", "environment", required: ["environment"], optional: ["name"], "export a solution"),
        guest("shareApp", nil, required: ["environment", "app", "with"], "share a canvas app (as its owner)"),
        guest("runApp", nil, required: ["environment", "app"], "run a canvas app"),
        guest("useFeature", nil, required: ["environment", "feature"], "use a customer engagement feature"),
        Definition(
            name: "advance", performer: .system, shorthand: "by", required: ["by"], optional: [], passthrough: false, summary: "move the world clock"),
        Definition(
            name: "run", performer: .system, shorthand: "command", required: ["command"], optional: ["environment", "app", "timeout", "env"],
            passthrough: false, summary: "start the HTTPS server for this world and run an external command against it"),
        Definition(
            name: "assert", performer: .system, shorthand: nil, required: [], optional: [], passthrough: false,
            summary: "check the state at this point of the story (a list of the checks the final assert: takes)"),
        Definition(
            name: "explain", performer: .system, shorthand: nil, required: ["guest", "environment"], optional: [], passthrough: false,
            summary: "print the onboarding checklist (teaching step)"),
    ]

    public static func find(_ name: String) -> Definition? { all.first { $0.name == name } }
}
