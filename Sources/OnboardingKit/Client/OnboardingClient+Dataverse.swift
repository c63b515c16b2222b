import Foundation
import HTTPTypes

/// The Dataverse Web API of an environment: system users, roles and role association.
extension OnboardingClient {
    static let odataHeaders = [("OData-MaxVersion", "4.0"), ("OData-Version", "4.0")]

    func dataversePath(_ rest: String) -> String { "/api/data/\(endpoints.dataverseVersion)/\(rest)" }

    /// The `systemuser` of an Entra object id in the instance at `host`, or `nil`.
    public func systemUser(forObjectId objectId: String, host: String) async throws -> DataverseSystemUser? {
        let query = Self.query([("$filter", "azureactivedirectoryobjectid eq \(objectId)"), ("$select", "systemuserid,isdisabled")])
        return try await collection(
            DataverseSystemUser.self, authority: host, path: dataversePath("systemusers?" + query), scope: endpoints.dataverseScope(host: host),
            headers: Self.odataHeaders
        ).first
    }

    /// The security role called `name` in the instance at `host`, or `nil`.
    public func role(named name: String, host: String) async throws -> DataverseRole? {
        let query = Self.query([("$filter", "name eq \(Self.literal(name))"), ("$select", "roleid,name")])
        return try await collection(
            DataverseRole.self, authority: host, path: dataversePath("roles?" + query), scope: endpoints.dataverseScope(host: host),
            headers: Self.odataHeaders
        ).first
    }

    /// The names of the environment's security roles (each business unit has its copy; listed once).
    public func roleNames(host: String) async throws -> [String] {
        let roles = try await collection(
            DataverseRole.self, authority: host, path: dataversePath("roles?" + Self.query([("$select", "roleid,name")])),
            scope: endpoints.dataverseScope(host: host), headers: Self.odataHeaders)
        return Array(Set(roles.compactMap(\.name))).sorted()
    }

    /// The roles a system user holds (`systemuserroles_association`).
    public func roles(ofSystemUser systemUserId: String, host: String) async throws -> [DataverseRole] {
        try await collection(
            DataverseRole.self, authority: host, path: dataversePath("systemusers(\(systemUserId))/systemuserroles_association"),
            scope: endpoints.dataverseScope(host: host), headers: Self.odataHeaders)
    }

    /// Associates a role with a system user (`POST …/systemuserroles_association/$ref`).
    public func assignRole(_ roleId: String, toSystemUser systemUserId: String, host: String) async throws {
        let body = try Self.json(["@odata.id": "https://\(host)\(dataversePath("roles(\(roleId))"))"])
        _ = try await send(
            .post, authority: host, path: dataversePath("systemusers(\(systemUserId))/systemuserroles_association/$ref"),
            scope: endpoints.dataverseScope(host: host), body: body, headers: Self.odataHeaders)
    }
}
