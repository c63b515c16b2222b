import Foundation
import Hummingbird
import TenantEngine
import TenantModel
import TenantRules

/// `GET/PATCH /policies/authorizationPolicy`.
struct AuthorizationPolicyHandler {
    let graph: GraphRequest

    static func json(_ policy: AuthorizationPolicy) -> JSONValue {
        let defaults = policy.defaultUserRolePermissions
        return .object([
            "id": .string("authorizationPolicy"), "allowInvitesFrom": .string(policy.allowInvitesFrom.rawValue),
            "allowedToSignUpEmailBasedSubscriptions": .bool(policy.allowedToSignUpEmailBasedSubscriptions),
            "allowedToUseSSPR": .bool(policy.allowedToUseSSPR),
            "allowEmailVerifiedUsersToJoinOrganization": .bool(policy.allowEmailVerifiedUsersToJoinOrganization),
            "allowUserConsentForRiskyApps": .bool(policy.allowUserConsentForRiskyApps),
            "blockMsolPowerShell": policy.blockMsolPowerShell.map { .bool($0) } ?? .null,
            "displayName": .string("Authorization Policy"),
            "description": .string("Used to manage authorization related settings across the company."),
            "defaultUserRolePermissions": .object([
                "allowedToCreateApps": .bool(defaults.allowedToCreateApps),
                "allowedToCreateSecurityGroups": .bool(defaults.allowedToCreateSecurityGroups),
                "allowedToReadOtherUsers": .bool(defaults.allowedToReadOtherUsers),
                "permissionGrantPoliciesAssigned": .strings(defaults.permissionGrantPoliciesAssigned),
            ]),
            "guestUserRoleId": .string(policy.guestUserRoleId),
        ])
    }

    func getAuthorizationPolicy() async throws -> Response {
        try await graph.authorize(GraphPermissions.readPolicies)
        var object = Self.json(try await graph.engine.authorizationPolicy(of: graph.tenantId)).objectValue ?? [:]
        object["@odata.context"] = graph.metadata("policies/authorizationPolicy/$entity")
        return APIResponse.json(.object(object))
    }

    func updateAuthorizationPolicy() async throws -> Response {
        let body = try await graph.body("authorizationPolicy")
        try body.allowOnly([
            "allowInvitesFrom", "guestUserRoleId", "allowEmailVerifiedUsersToJoinOrganization", "allowedToSignUpEmailBasedSubscriptions",
            "allowedToUseSSPR", "allowUserConsentForRiskyApps", "blockMsolPowerShell", "defaultUserRolePermissions", "id", "displayName",
            "description",
        ])
        var invites: AllowInvitesFrom?
        if let raw = try body.string("allowInvitesFrom") {
            guard let value = AllowInvitesFrom(rawValue: raw) else {
                throw TenantError.badRequest("Invalid value specified for property 'allowInvitesFrom' of resource 'AuthorizationPolicy'.")
            }
            invites = value
        }
        let patch = AuthorizationPolicyPatch(
            allowInvitesFrom: invites, guestUserRoleId: try body.string("guestUserRoleId"),
            allowEmailVerifiedUsersToJoinOrganization: try body.bool("allowEmailVerifiedUsersToJoinOrganization"),
            allowedToSignUpEmailBasedSubscriptions: try body.bool("allowedToSignUpEmailBasedSubscriptions"),
            allowedToUseSSPR: try body.bool("allowedToUseSSPR"), allowUserConsentForRiskyApps: try body.bool("allowUserConsentForRiskyApps"),
            blockMsolPowerShell: try body.bool("blockMsolPowerShell"),
            defaultUserRolePermissions: try body.decode(DefaultUserRolePermissionsPatch.self, "defaultUserRolePermissions"))
        try await graph.engine.updateAuthorizationPolicy(patch, in: graph.tenantId, by: graph.caller, requestId: graph.context.requestId)
        return APIResponse.noContent()
    }
}
