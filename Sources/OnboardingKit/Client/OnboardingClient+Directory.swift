import Foundation
import HTTPTypes

/// Microsoft Graph v1.0 directory writes beyond the onboarding path: member accounts, removing
/// licences and members, directory roles.
extension OnboardingClient {
    /// `POST /users`: creates a member account. Returns the created user.
    public func createUser(_ member: NewMember) async throws -> DirectoryUser {
        let reply = try await send(.post, authority: graph, path: "/v1.0/users", scope: graphScope, body: try Self.json(member))
        return try Self.decode(DirectoryUser.self, reply)
    }

    /// `DELETE /users/{id}`.
    public func deleteUser(_ id: String) async throws {
        _ = try await send(.delete, authority: graph, path: "/v1.0/users/\(Self.segment(id))", scope: graphScope)
    }

    /// `POST /users/{id}/assignLicense` removing one SKU.
    public func removeLicense(skuId: String, from userId: String) async throws {
        let body = AssignLicenseBody(addLicenses: [], removeLicenses: [skuId])
        _ = try await send(
            .post, authority: graph, path: "/v1.0/users/\(Self.segment(userId))/assignLicense", scope: graphScope, body: try Self.json(body))
    }

    /// `POST /groups/{id}/members/$ref`, failing as Graph does when the user already is a member
    /// (``addMember(_:toGroup:)`` treats that as done).
    public func addMemberReference(_ userId: String, toGroup groupId: String) async throws {
        let body = try Self.json(["@odata.id": "https://\(graph)/v1.0/directoryObjects/\(userId)"])
        _ = try await send(.post, authority: graph, path: "/v1.0/groups/\(Self.segment(groupId))/members/$ref", scope: graphScope, body: body)
    }

    /// `DELETE /groups/{id}/members/{id}/$ref`.
    public func removeMember(_ userId: String, fromGroup groupId: String) async throws {
        _ = try await send(
            .delete, authority: graph, path: "/v1.0/groups/\(Self.segment(groupId))/members/\(Self.segment(userId))/$ref", scope: graphScope)
    }

    /// `POST /roleManagement/directory/roleAssignments` at the tenant scope (`/`).
    /// `roleDefinitionId` is the role template's id.
    public func assignDirectoryRole(_ roleDefinitionId: String, to principalId: String) async throws {
        let body = try Self.json(["principalId": principalId, "roleDefinitionId": roleDefinitionId, "directoryScopeId": "/"])
        _ = try await send(.post, authority: graph, path: "/v1.0/roleManagement/directory/roleAssignments", scope: graphScope, body: body)
    }
}
