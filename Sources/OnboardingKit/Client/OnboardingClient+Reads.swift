import Foundation
import HTTPTypes

/// Read-only calls that describe a tenant's configuration (what `tenantsim import` reads). Each
/// is a documented Graph v1.0, admin API or Dataverse read; none changes anything.
extension OnboardingClient {
    /// `GET /organization`: id, display name and verified domains.
    public func organization() async throws -> OrganizationProfile {
        let organizations = try await collection(
            OrganizationProfile.self, authority: graph, path: "/v1.0/organization?" + Self.query([("$select", "id,displayName,verifiedDomains")]),
            scope: graphScope)
        guard let organization = organizations.first else {
            throw GraphError(status: 404, code: "Request_ResourceNotFound", message: "GET /organization answered no organization.")
        }
        return organization
    }

    /// The body of a Graph GET as JSON bytes (a policy, read as Graph shapes it).
    public func graphDocument(_ path: String) async throws -> Data {
        try await send(.get, authority: graph, path: "/v1.0" + path, scope: graphScope, waitForReplication: false).data
    }

    /// `GET /roleManagement/directory/roleAssignments`, every page.
    public func directoryRoleAssignments() async throws -> [DirectoryRoleAssignment] {
        try await collection(
            DirectoryRoleAssignment.self, authority: graph, path: "/v1.0/roleManagement/directory/roleAssignments", scope: graphScope)
    }

    /// `GET /groups/{id}` with kind and description, or `nil`.
    public func groupDetails(_ id: String) async throws -> GroupDetails? {
        do {
            return try await get(
                GroupDetails.self, authority: graph,
                path: "/v1.0/groups/\(Self.segment(id))?" + Self.query([("$select", GroupDetails.selectList)]), scope: graphScope,
                waitForReplication: false)
        } catch let error as GraphError where error.status == 404 {
            return nil
        }
    }

    /// `GET /groups/{id}/members`: users and nested groups, every page.
    public func members(ofGroup id: String) async throws -> [GroupMember] {
        try await collection(
            GroupMember.self, authority: graph,
            path: "/v1.0/groups/\(Self.segment(id))/members?" + Self.query([("$select", "id,displayName,userPrincipalName,mail,userType")]),
            scope: graphScope)
    }

    /// Calls `body` with each page of `GET /users?$filter=…` (the properties of ``DirectoryUser``),
    /// without holding more than a page: how an import streams 100,000 guests.
    public func forEachUserPage(filter: String, top: Int = 999, _ body: ([DirectoryUser]) throws -> Void) async throws {
        let path = "/v1.0/users?" + Self.query([("$filter", filter), ("$select", DirectoryUser.selectList), ("$top", String(top))])
        try await forEachPage(DirectoryUser.self, authority: graph, path: path, scope: graphScope, body)
    }

    /// Every enabled `systemuser` of the instance at `host`, with its Entra object id.
    public func systemUsers(host: String) async throws -> [DataverseSystemUser] {
        let query = Self.query([("$select", "systemuserid,azureactivedirectoryobjectid,isdisabled"), ("$filter", "isdisabled eq false")])
        return try await collection(
            DataverseSystemUser.self, authority: host, path: dataversePath("systemusers?" + query), scope: endpoints.dataverseScope(host: host),
            headers: Self.odataHeaders)
    }

    /// Who holds which environment role (`EnvironmentAdmin`, `EnvironmentMaker`) in an environment
    /// without Dataverse (admin API `roleAssignments`): principal object ids and role names.
    public func environmentRoleAssignments(environment name: String) async throws -> [(principalId: String, role: String)] {
        struct Item: Decodable, Sendable {
            struct Properties: Decodable, Sendable {
                struct Definition: Decodable, Sendable { var id: String }
                struct Principal: Decodable, Sendable { var id: String }
                var roleDefinition: Definition
                var principal: Principal
            }
            var properties: Properties
        }
        let items = try await collection(
            Item.self, authority: endpoints.adminAPIHost,
            path: "\(adminPrefix)/scopes/admin/environments/\(Self.segment(name))/roleAssignments?api-version=2016-11-01",
            scope: endpoints.adminAPIScope)
        return items.map { item in
            let definition = item.properties.roleDefinition.id.split(separator: "/").last.map(String.init) ?? item.properties.roleDefinition.id
            let role = definition == "EnvironmentMaker" ? "Environment Maker" : definition == "EnvironmentAdmin" ? "Environment Admin" : definition
            return (item.properties.principal.id.lowercased(), role)
        }
    }

    /// The admin API's tenant settings document, as JSON bytes.
    public func tenantSettingsDocument() async throws -> Data { try await tenantSettings().json }
}
