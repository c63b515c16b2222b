import Foundation
import HTTPTypes

/// Dataverse teams and removing roles: `POST teams`, `teamroles_association`, and the
/// `systemuserroles_association` `$ref` delete.
extension OnboardingClient {
    /// Removes a role from a system user (`DELETE …/systemuserroles_association/$ref?$id=…`).
    /// `systemUser` is its id or an alternate key such as `azureactivedirectoryobjectid=<id>`.
    public func removeRole(_ roleId: String, fromSystemUser systemUser: String, host: String) async throws {
        let reference = "https://\(host)\(dataversePath("roles(\(roleId))"))"
        _ = try await send(
            .delete, authority: host,
            path: dataversePath("systemusers(\(systemUser))/systemuserroles_association/$ref?") + Self.query([("$id", reference)]),
            scope: endpoints.dataverseScope(host: host), headers: Self.odataHeaders)
    }

    /// `POST teams`: an owner team, or — with `group` — an Entra group team of the group's
    /// `membershipType` (0 members and guests, 1 members, 2 owners, 3 guests); `teamType` is
    /// 2 for a security group, 3 for a Microsoft 365 group.
    public func createTeam(name: String, host: String, group: (id: String, teamType: Int, membershipType: Int)? = nil) async throws {
        var fields: [String: Any?] = ["name": name]
        if let group {
            fields["azureactivedirectoryobjectid"] = group.id
            fields["teamtype"] = group.teamType
            fields["membershiptype"] = group.membershipType
        }
        _ = try await send(
            .post, authority: host, path: dataversePath("teams"), scope: endpoints.dataverseScope(host: host), body: try Self.object(fields),
            headers: Self.odataHeaders)
    }

    /// The id of the team called `name`, or `nil`.
    public func teamId(named name: String, host: String) async throws -> String? {
        struct Team: Decodable, Sendable { var teamid: String }
        let query = Self.query([("$select", "teamid"), ("$filter", "name eq \(Self.literal(name))")])
        return try await collection(
            Team.self, authority: host, path: dataversePath("teams?" + query), scope: endpoints.dataverseScope(host: host),
            headers: Self.odataHeaders
        ).first?.teamid
    }

    /// Associates a role with a team (`POST teams(id)/teamroles_association/$ref`).
    public func assignRole(_ roleId: String, toTeam teamId: String, host: String) async throws {
        let body = try Self.json(["@odata.id": "https://\(host)\(dataversePath("roles(\(roleId))"))"])
        _ = try await send(
            .post, authority: host, path: dataversePath("teams(\(teamId))/teamroles_association/$ref"), scope: endpoints.dataverseScope(host: host),
            body: body, headers: Self.odataHeaders)
    }
}
