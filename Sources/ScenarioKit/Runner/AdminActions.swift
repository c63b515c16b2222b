import Foundation
import HTTPTypes
import TenantEngine
import TenantModel

/// Admin steps, sent as Graph, admin API (BAP) and Dataverse requests through the in-process
/// transport with the actor's token.
struct AdminActions {
    let session: ScenarioSession
    let step: Step

    func perform() async throws -> (StepOutcome, String) {
        let actor = try await session.actor(step.actor ?? "", in: step.actingTenant)
        let tenant = actor.tenant
        let graphToken = try await session.token(for: actor, audience: tenant.cloud.graphAudience)
        let graphHost = tenant.cloud.graphHost
        func graph(_ method: HTTPMethodName, _ path: String, _ json: Any? = nil) async throws -> ScenarioSession.Reply {
            try await session.send(method.value, graphHost, "/v1.0" + path, token: graphToken, json: json)
        }
        /// The user a step names, as the wire key and a label. An address nobody has is sent as
        /// written, so the server answers (404 `Request_ResourceNotFound`) as it would to a script.
        func userArgument() async throws -> (id: String, contactAddress: String) {
            let key = step.string("user") ?? ""
            if let user = try? await session.user(key, in: tenant) { return (user.id.rawValue, user.contactAddress) }
            return (key.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/#?"))) ?? key, key)
        }
        switch step.action.name {
        case "invite":
            let email = step.string("email") ?? ""
            var body: [String: Any] = [
                "invitedUserEmailAddress": email, "inviteRedirectUrl": step.string("redirect") ?? "https://myapps.microsoft.com",
                "sendInvitationMessage": step.bool("sendMessage") ?? false,
            ]
            if step.arguments["redirect"] == .null { body["inviteRedirectUrl"] = nil }
            if let name = step.string("displayName") { body["invitedUserDisplayName"] = name }
            if let type = step.string("userType") { body["invitedUserType"] = type }
            if let message = step.string("message") { body["invitedUserMessageInfo"] = ["customizedMessageBody": message] }
            if step.bool("resetRedemption") == true {
                body["resetRedemption"] = true
                if let existing = try await session.engine.user(withAddress: email, in: tenant.id) {
                    body["invitedUser"] = ["id": existing.id.rawValue]
                }
            }
            let reply = try await graph(.post, "/invitations", body)
            return (
                reply.outcome(detail: (reply.json["invitedUser"] as? [String: Any])?["userPrincipalName"] as? String),
                "invite \(email) into \(tenant.displayName)"
            )
        case "setProfile":
            let user = try await userArgument()
            var body: [String: Any] = [:]
            for key in ["givenName", "surname", "displayName", "usageLocation", "userType"] {
                if let value = step.string(key) { body[key] = value }
            }
            if let enabled = step.bool("accountEnabled") { body["accountEnabled"] = enabled }
            let reply = try await graph(.patch, "/users/\(user.id)", body)
            return (reply.outcome(), "update \(user.contactAddress): " + body.keys.sorted().map { "\($0)=\(body[$0]!)" }.joined(separator: ", "))
        case "assignLicense", "removeLicense":
            let user = try await userArgument()
            let skuKey = step.string("sku") ?? ""
            // A part number the tenant doesn't subscribe to still names a real SKU id.
            let skuId = try await session.engine.sku(skuKey, in: tenant.id)?.skuId ?? SkuCatalog.entry(partNumber: skuKey)?.skuId ?? skuKey
            let adding = step.action.name == "assignLicense"
            let body: [String: Any] =
                adding
                ? ["addLicenses": [["skuId": skuId, "disabledPlans": []]], "removeLicenses": []] : ["addLicenses": [], "removeLicenses": [skuId]]
            let reply = try await graph(.post, "/users/\(user.id)/assignLicense", body)
            return (reply.outcome(), "\(adding ? "assign" : "remove") \(skuKey) \(adding ? "to" : "from") \(user.contactAddress)")
        case "addToGroup", "removeFromGroup":
            let user = try await userArgument()
            let name = step.string("group") ?? ""
            let named = try await session.engine.group(named: name, in: tenant.id)
            let byId = try await session.engine.group(GroupID(name))
            guard let group = named ?? byId else {
                let names = try await session.engine.groups(in: tenant.id).map(\.displayName)
                throw ScenarioFailure("no group '\(name)' in \(tenant.displayName)\(DidYouMean.phrase(for: name, among: names))")
            }
            let reply =
                step.action.name == "addToGroup"
                ? try await graph(.post, "/groups/\(group.id)/members/$ref", ["@odata.id": "https://\(graphHost)/v1.0/directoryObjects/\(user.id)"])
                : try await graph(.delete, "/groups/\(group.id)/members/\(user.id)/$ref")
            return (
                reply.outcome(),
                "\(step.action.name == "addToGroup" ? "add" : "remove") \(user.contactAddress) \(step.action.name == "addToGroup" ? "to" : "from") '\(group.displayName)'"
            )
        case "assignDirectoryRole":
            let user = try await userArgument()
            let role = step.string("role") ?? ""
            if DirectoryRoleTemplate.find(role) == nil && UUID(uuidString: role) == nil {
                let names = DirectoryRoleTemplate.all.map(\.displayName)
                throw ScenarioFailure(
                    "no directory role '\(role)'\(DidYouMean.phrase(for: role, among: names)) (known: \(names.joined(separator: ", ")))")
            }
            let templateId = DirectoryRoleTemplate.find(role)?.id ?? role
            let reply = try await graph(
                .post, "/roleManagement/directory/roleAssignments", ["principalId": user.id, "roleDefinitionId": templateId, "directoryScopeId": "/"])
            return (reply.outcome(), "give \(user.contactAddress) the \(role) role")
        case "createUser":
            let upn = step.string("upn") ?? ""
            let local = String(upn.split(separator: "@").first ?? "")
            var body: [String: Any] = [
                "accountEnabled": step.bool("accountEnabled") ?? true, "displayName": step.string("displayName") ?? local.capitalized,
                "mailNickname": local.filter { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" },
                "userPrincipalName": upn,
                "passwordProfile": ["password": step.string("password") ?? "TenantSim-Initial-1", "forceChangePasswordNextSignIn": true],
            ]
            for key in ["givenName", "surname", "usageLocation"] {
                if let value = step.string(key) { body[key] = value }
            }
            let reply = try await graph(.post, "/users", body)
            return (reply.outcome(detail: reply.json["userPrincipalName"] as? String), "create the member \(upn) in \(tenant.displayName)")
        case "deleteUser":
            let user = try await userArgument()
            return (try await graph(.delete, "/users/\(user.id)").outcome(), "delete \(user.contactAddress)")
        case "setAuthorizationPolicy":
            var body: [String: Any] = [:]
            if let value = step.string("allowInvitesFrom") { body["allowInvitesFrom"] = value }
            if let value = step.string("guestUserRoleId") { body["guestUserRoleId"] = value }
            if let access = step.string("guestAccess") {
                let ids = ["member": GuestUserRole.sameAsMembers, "limited": .limited, "restricted": .restricted]
                guard let role = ids[access] else { throw ScenarioFailure("guestAccess is member, limited or restricted, not '\(access)'") }
                body["guestUserRoleId"] = role.rawValue
            }
            if let value = step.bool("allowEmailVerifiedUsersToJoinOrganization") { body["allowEmailVerifiedUsersToJoinOrganization"] = value }
            let reply = try await graph(.patch, "/policies/authorizationPolicy", body)
            return (
                reply.outcome(),
                "set the authorization policy of \(tenant.displayName): " + body.keys.sorted().map { "\($0)=\(body[$0]!)" }.joined(separator: ", ")
            )
        case "setCollaboration":
            guard case .user(let user, _) = actor else { throw ScenarioFailure("collaboration restrictions are set by a signed-in admin") }
            var body: [String: Any] = ["as": user.userPrincipalName]
            if let allowed = step.strings("allowedDomains") { body["allowedDomains"] = allowed }
            if let blocked = step.strings("blockedDomains") { body["blockedDomains"] = blocked }
            let reply = try await session.control("/collaboration", body)
            return (reply.outcome(), "set collaboration restrictions of \(tenant.displayName)")
        case "setCrossTenantDefault":
            let reply = try await graph(.patch, "/policies/crossTenantAccessPolicy/default", JSONBridge.object(step.arguments))
            return (reply.outcome(), "change the default cross-tenant access settings of \(tenant.displayName)")
        case "addCrossTenantPartner", "updateCrossTenantPartner":
            let partner = try await session.engine.tenant(step.string("tenant") ?? "")
            var body = JSONBridge.object(step.arguments.filter { $0.key != "tenant" })
            let reply: ScenarioSession.Reply
            if step.action.name == "addCrossTenantPartner" {
                body["tenantId"] = partner.id.rawValue
                reply = try await graph(.post, "/policies/crossTenantAccessPolicy/partners", body)
            } else {
                reply = try await graph(.patch, "/policies/crossTenantAccessPolicy/partners/\(partner.id)", body)
            }
            return (
                reply.outcome(),
                "\(step.action.name == "addCrossTenantPartner" ? "add" : "change") \(partner.displayName) as a cross-tenant partner of \(tenant.displayName)"
            )
        case "setCloudSettings":
            let endpoints = step.strings("allowedCloudEndpoints") ?? []
            let reply = try await graph(.patch, "/policies/crossTenantAccessPolicy", ["allowedCloudEndpoints": endpoints])
            return (reply.outcome(), "enable Microsoft clouds [\(endpoints.joined(separator: ", "))] in \(tenant.displayName)")
        case "updateTenantSettings", "enableGuestMakers":
            let body: [String: Any] =
                step.action.name == "enableGuestMakers"
                ? ["powerPlatform": ["powerApps": ["enableGuestsToMake": step.bool("enabled") ?? true]]] : JSONBridge.object(step.arguments)
            let token = try await session.token(for: actor, audience: tenant.cloud.powerAppsAudience)
            let reply = try await session.send(
                .post, tenant.cloud.adminAPIHost, "/providers/Microsoft.BusinessAppPlatform/scopes/admin/updateTenantSettings?api-version=2020-10-01",
                token: token, json: body)
            return (
                reply.outcome(),
                step.action.name == "enableGuestMakers"
                    ? "set enableGuestsToMake = \(step.bool("enabled") ?? true) in \(tenant.displayName)"
                    : "update the Power Platform tenant settings of \(tenant.displayName)"
            )
        case "addUserToEnvironment":
            let user = try await userArgument()
            let environment = try await session.environment(step.string("environment") ?? "")
            let token = try await session.token(for: actor, audience: tenant.cloud.powerAppsAudience)
            let reply = try await session.send(
                .post, tenant.cloud.adminAPIHost,
                "/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments/\(environment.id)/addUser?api-version=2020-10-01", token: token,
                json: ["ObjectId": user.id])
            return (reply.outcome(), "add \(user.contactAddress) to the Dataverse of '\(environment.displayName)'")
        case "assignSecurityRole", "removeSecurityRole":
            return try await SecurityRoleStep(session: session, step: step, actor: actor).perform()
        case "createTeam", "assignTeamRole":
            return try await TeamStep(session: session, step: step, actor: actor).perform()
        case "assignPlatformRole", "applyAdminRole":
            return try await PlatformRoleStep(session: session, step: step, actor: actor).perform()
        case "notify":
            guard case .user(let admin, _) = actor else { throw ScenarioFailure("notifications are sent by a signed-in admin") }
            let user = try await userArgument()
            var body: [String: Any] = ["as": admin.userPrincipalName, "user": user.id, "environment": step.string("environment") ?? ""]
            if let message = step.string("message") { body["message"] = message }
            let reply = try await session.control("/notify", body)
            return (
                reply.outcome(detail: reply.json["url"] as? String),
                "notify \(user.contactAddress) with the URL of '\(step.string("environment") ?? "")'"
            )
        default:
            throw ScenarioFailure("'\(step.action.name)' is not an admin action")
        }
    }
}

/// HTTP method names usable as values without importing HTTPTypes everywhere.
enum HTTPMethodName {
    case get, post, patch, delete

    var value: HTTPTypes.HTTPRequest.Method {
        switch self {
        case .get: .get
        case .post: .post
        case .patch: .patch
        case .delete: .delete
        }
    }
}

/// Converts scenario arguments (JSONValue) to JSON objects for request bodies.
enum JSONBridge {
    static func object(_ values: [String: JSONValue]) -> [String: Any] { values.mapValues(any) }

    static func any(_ value: JSONValue) -> Any {
        switch value {
        case .null: NSNull()
        case .bool(let bool): bool
        case .number(let number): number.rounded() == number ? Int(number) as Any : number as Any
        case .string(let string): string
        case .array(let items): items.map(any)
        case .object(let object): object.mapValues(any)
        }
    }
}
