import Foundation
import HTTPTypes

/// The Power Platform API (`api.powerplatform.com`) as `powerplatform-management` calls it, and the
/// admin API's role assignments for environments without Dataverse.
extension OnboardingClient {
    /// `POST /authorization/roleAssignments` (at the tenant) or
    /// `/authorization/environments/{id}/roleAssignments`: gives a user a Power Platform role.
    /// `scope` is `/tenants/{id}` or the environment's scope.
    public func assignPlatformRole(
        _ roleDefinitionId: String, to principalObjectId: String, scope: String, environment: String? = nil
    ) async throws {
        let path =
            environment.map { "/authorization/environments/\(Self.segment($0))/roleAssignments" } ?? "/authorization/roleAssignments"
        let body = try Self.json([
            "principalObjectId": principalObjectId, "principalType": "User", "roleDefinitionId": roleDefinitionId, "scope": scope,
        ])
        _ = try await send(
            .post, authority: endpoints.powerPlatformAPIHost, path: path + "?api-version=2024-10-01", scope: endpoints.powerPlatformAPIScope,
            body: body)
    }

    /// `POST /usermanagement/environments/{id}/user/applyAdminRole`: the caller, an admin, makes
    /// themselves System Administrator of the environment.
    public func applyAdminRole(environment: String) async throws {
        _ = try await send(
            .post, authority: endpoints.powerPlatformAPIHost,
            path: "/usermanagement/environments/\(Self.segment(environment))/user/applyAdminRole?api-version=2022-03-01-preview",
            scope: endpoints.powerPlatformAPIScope)
    }

    /// The admin API's `modifyRoleAssignments` for an environment without Dataverse: adds or
    /// removes one user's role (`roleDefinition` such as `EnvironmentMaker`).
    public func modifyEnvironmentRole(_ roleDefinition: String, principal: String, environment: String, removing: Bool) async throws {
        let item: [String: Any] = ["properties": ["roleDefinition": ["id": roleDefinition], "principal": ["id": principal, "type": "User"]]]
        _ = try await send(
            .post, authority: endpoints.adminAPIHost,
            path: "\(adminPrefix)/scopes/admin/environments/\(Self.segment(environment))/modifyRoleAssignments?api-version=2016-11-01",
            scope: endpoints.adminAPIScope, body: try Self.object([removing ? "remove" : "add": [item]]))
    }
}
