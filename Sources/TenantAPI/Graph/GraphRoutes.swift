import Foundation
import HTTPTypes
import Hummingbird
import TenantModel
import TenantRules

/// Microsoft Graph v1.0 routes. Handlers are named after the real operations.
enum GraphRoutes {
    static func register(on table: RouteTable) {
        let api = table.api
        let routes = table.collection(TokenAuthenticator(api: api, audience: .graph))
        func graph(
            _ method: HTTPRequest.Method, _ path: String, _ operation: TenantOperation, _ permissions: PermissionRequirement? = nil,
            _ handler: @escaping @Sendable (GraphRequest) async throws -> Response
        ) {
            routes.add(method, "/v1.0" + path, surface: .graph, operation: operation, permissions: permissions) { request, context in
                try await handler(try GraphRequest(request: request, context: context, api: api))
            }
        }
        graph(.post, "/invitations", .createInvitation, GraphPermissions.createInvitation) {
            try await InvitationsHandler(graph: $0).createInvitation()
        }

        graph(.get, "/users", .listUsers, GraphPermissions.readUsers) { try await UsersHandler(graph: $0).listUsers() }
        graph(.post, "/users", .createUser, GraphPermissions.createUser) { try await UsersHandler(graph: $0).createUser() }
        graph(.get, "/users/$count", .countUsers, GraphPermissions.readUsers) { try await UsersHandler(graph: $0).countUsers() }
        graph(.get, "/me", .getMe) { try await UsersHandler(graph: $0).getMe() }
        graph(.patch, "/me", .updateUser, GraphPermissions.updateMe) { try await UsersHandler(graph: $0).updateMe() }
        graph(.get, "/users/{id}", .getUser, GraphPermissions.readUsers) { try await UsersHandler(graph: $0).getUser(try $0.parameter("id")) }
        graph(.patch, "/users/{id}", .updateUser, GraphPermissions.updateUser) {
            try await UsersHandler(graph: $0).updateUser(try $0.parameter("id"))
        }
        graph(.delete, "/users/{id}", .deleteUser, GraphPermissions.deleteUser) {
            try await UsersHandler(graph: $0).deleteUser(try $0.parameter("id"))
        }
        graph(.post, "/users/{id}/assignLicense", .assignLicense, GraphPermissions.assignLicense) {
            try await UsersHandler(graph: $0).assignLicense(try $0.parameter("id"))
        }
        graph(.get, "/users/{id}/licenseDetails", .listLicenseDetails, GraphPermissions.readLicenseDetails) {
            try await UsersHandler(graph: $0).listLicenseDetails(try $0.parameter("id"))
        }

        for transitive in [false, true] {
            let segment = transitive ? "transitiveMemberOf" : "memberOf"
            let operation: TenantOperation = transitive ? .listTransitiveMemberOf : .listMemberOf
            // The group casts return the same list: TenantSim's memberships are groups only.
            for suffix in ["", "/microsoft.graph.group", "/graph.group"] {
                graph(.get, "/users/{id}/" + segment + suffix, operation, GraphPermissions.readMemberOf) {
                    try await GroupsHandler(graph: $0).listMemberOf(try $0.parameter("id"), transitive: transitive)
                }
                graph(.get, "/me/" + segment + suffix, operation) {
                    try await GroupsHandler(graph: $0).listMemberOf(try $0.me().rawValue, transitive: transitive)
                }
            }
            graph(.get, "/users/{id}/" + segment + "/$count", operation, GraphPermissions.readMemberOf) {
                try await GroupsHandler(graph: $0).listMemberOf(try $0.parameter("id"), transitive: transitive, countOnly: true)
            }
        }
        graph(.get, "/me/licenseDetails", .listLicenseDetails) { try await UsersHandler(graph: $0).listLicenseDetails(try $0.me().rawValue) }

        graph(.get, "/subscribedSkus", .listSubscribedSkus, GraphPermissions.readSubscribedSkus) {
            try await SubscribedSkusHandler(graph: $0).listSubscribedSkus()
        }
        graph(.get, "/subscribedSkus/{id}", .getSubscribedSku, GraphPermissions.readSubscribedSkus) {
            try await SubscribedSkusHandler(graph: $0).getSubscribedSku(try $0.parameter("id"))
        }

        graph(.get, "/groups", .listGroups, GraphPermissions.readGroups) { try await GroupsHandler(graph: $0).listGroups() }
        graph(.post, "/groups", .createGroup, GraphPermissions.createGroup) { try await GroupsHandler(graph: $0).createGroup() }
        graph(.get, "/groups/$count", .countGroups, GraphPermissions.readGroups) { try await GroupsHandler(graph: $0).countGroups() }
        graph(.get, "/groups/{id}", .getGroup, GraphPermissions.readGroups) { try await GroupsHandler(graph: $0).getGroup(try $0.parameter("id")) }
        graph(.get, "/groups/{id}/members", .listGroupMembers, GraphPermissions.readGroups) {
            try await GroupsHandler(graph: $0).listMembers(try $0.parameter("id"))
        }
        graph(.get, "/groups/{id}/members/$count", .countGroupMembers, GraphPermissions.readGroups) {
            try await GroupsHandler(graph: $0).countMembers(try $0.parameter("id"))
        }
        // The OData casts the SDKs send (`members.graph_user`): only members of that type.
        for cast in ["microsoft.graph.user", "graph.user", "microsoft.graph.group", "graph.group"] {
            graph(.get, "/groups/{id}/members/" + cast, .listGroupMembers, GraphPermissions.readGroups) {
                try await GroupsHandler(graph: $0).listMembers(try $0.parameter("id"), only: cast.hasSuffix("user") ? .user : .group)
            }
        }
        graph(.post, "/groups/{id}/members/$ref", .addGroupMember, GraphPermissions.changeGroupMembers) {
            try await GroupsHandler(graph: $0).addMember(try $0.parameter("id"))
        }
        graph(.delete, "/groups/{id}/members/{memberId}/$ref", .removeGroupMember, GraphPermissions.changeGroupMembers) {
            try await GroupsHandler(graph: $0).removeMember(try $0.parameter("id"), memberId: try $0.parameter("memberId"))
        }
        graph(.get, "/groups/{id}/owners", .listGroupOwners, GraphPermissions.readGroupOwners) {
            try await GroupOwnersHandler(graph: $0).listOwners(try $0.parameter("id"))
        }
        graph(.post, "/groups/{id}/owners/$ref", .addGroupOwner, GraphPermissions.changeGroupOwners) {
            try await GroupOwnersHandler(graph: $0).addOwner(try $0.parameter("id"))
        }
        graph(.delete, "/groups/{id}/owners/{ownerId}/$ref", .removeGroupOwner, GraphPermissions.changeGroupOwners) {
            try await GroupOwnersHandler(graph: $0).removeOwner(try $0.parameter("id"), ownerId: try $0.parameter("ownerId"))
        }

        // Graph's directoryObject functions, on users, groups and directoryObjects.
        for (collection, kind) in [("users", MemberGroupsHandler.SubjectKind.user), ("groups", .group), ("directoryObjects", .directoryObject)] {
            let base = "/\(collection)/{id}/"
            graph(.post, base + "checkMemberGroups", .checkMemberGroups, GraphPermissions.readMemberGroups) {
                try await MemberGroupsHandler(graph: $0).check(try $0.parameter("id"), kind: kind, parameter: "groupIds")
            }
            graph(.post, base + "checkMemberObjects", .checkMemberObjects, GraphPermissions.readMemberGroups) {
                try await MemberGroupsHandler(graph: $0).check(try $0.parameter("id"), kind: kind, parameter: "ids")
            }
            graph(.post, base + "getMemberGroups", .getMemberGroups, GraphPermissions.readMemberGroups) {
                try await MemberGroupsHandler(graph: $0).get(try $0.parameter("id"), kind: kind)
            }
            graph(.post, base + "getMemberObjects", .getMemberObjects, GraphPermissions.readMemberGroups) {
                try await MemberGroupsHandler(graph: $0).get(try $0.parameter("id"), kind: kind)
            }
        }

        let roles = "/roleManagement/directory"
        graph(.get, roles + "/roleAssignments", .listRoleAssignments, GraphPermissions.readRoleAssignments) {
            try await RoleAssignmentsHandler(graph: $0).listRoleAssignments()
        }
        graph(.post, roles + "/roleAssignments", .createRoleAssignment, GraphPermissions.changeRoleAssignments) {
            try await RoleAssignmentsHandler(graph: $0).createRoleAssignment()
        }
        graph(.get, roles + "/roleAssignments/{id}", .getRoleAssignment, GraphPermissions.readRoleAssignments) {
            try await RoleAssignmentsHandler(graph: $0).getRoleAssignment(try $0.parameter("id"))
        }
        graph(.delete, roles + "/roleAssignments/{id}", .deleteRoleAssignment, GraphPermissions.changeRoleAssignments) {
            try await RoleAssignmentsHandler(graph: $0).deleteRoleAssignment(try $0.parameter("id"))
        }
        graph(.get, roles + "/roleDefinitions", .listRoleDefinitions, GraphPermissions.readRoleAssignments) {
            try await RoleAssignmentsHandler(graph: $0).listRoleDefinitions()
        }

        graph(.get, "/policies/authorizationPolicy", .getAuthorizationPolicy, GraphPermissions.readPolicies) {
            try await AuthorizationPolicyHandler(graph: $0).getAuthorizationPolicy()
        }
        graph(.patch, "/policies/authorizationPolicy", .updateAuthorizationPolicy, GraphPermissions.updateAuthorizationPolicy) {
            try await AuthorizationPolicyHandler(graph: $0).updateAuthorizationPolicy()
        }
        let xtap = "/policies/crossTenantAccessPolicy"
        graph(.get, xtap, .getCrossTenantAccessPolicy, GraphPermissions.readPolicies) {
            try await CrossTenantAccessPolicyHandler(graph: $0).getCrossTenantAccessPolicy()
        }
        graph(.patch, xtap, .updateCrossTenantAccessPolicy, GraphPermissions.updateCrossTenantAccess) {
            try await CrossTenantAccessPolicyHandler(graph: $0).updateCrossTenantAccessPolicy()
        }
        graph(.get, xtap + "/default", .getCrossTenantAccessPolicyConfigurationDefault, GraphPermissions.readPolicies) {
            try await CrossTenantAccessPolicyHandler(graph: $0).getDefault()
        }
        graph(.patch, xtap + "/default", .updateCrossTenantAccessPolicyConfigurationDefault, GraphPermissions.updateCrossTenantAccess) {
            try await CrossTenantAccessPolicyHandler(graph: $0).updateDefault()
        }
        graph(.post, xtap + "/default/resetToSystemDefault", .resetToSystemDefault, GraphPermissions.updateCrossTenantAccess) {
            try await CrossTenantAccessPolicyHandler(graph: $0).resetDefault()
        }
        graph(.get, xtap + "/partners", .listCrossTenantAccessPolicyConfigurationPartners, GraphPermissions.readPolicies) {
            try await CrossTenantAccessPolicyHandler(graph: $0).listPartners()
        }
        graph(.post, xtap + "/partners", .createCrossTenantAccessPolicyConfigurationPartner, GraphPermissions.updateCrossTenantAccess) {
            try await CrossTenantAccessPolicyHandler(graph: $0).createPartner()
        }
        graph(.get, xtap + "/partners/{tenantId}", .getCrossTenantAccessPolicyConfigurationPartner, GraphPermissions.readPolicies) {
            try await CrossTenantAccessPolicyHandler(graph: $0).getPartner(try $0.parameter("tenantId"))
        }
        graph(.patch, xtap + "/partners/{tenantId}", .updateCrossTenantAccessPolicyConfigurationPartner, GraphPermissions.updateCrossTenantAccess) {
            try await CrossTenantAccessPolicyHandler(graph: $0).updatePartner(try $0.parameter("tenantId"))
        }
        graph(.delete, xtap + "/partners/{tenantId}", .deleteCrossTenantAccessPolicyConfigurationPartner, GraphPermissions.updateCrossTenantAccess) {
            try await CrossTenantAccessPolicyHandler(graph: $0).deletePartner(try $0.parameter("tenantId"))
        }
        graph(.get, "/organization", .listOrganization) { try await OrganizationHandler(graph: $0).listOrganization() }
    }
}
