import Foundation
import HTTPTypes

/// The Power Platform admin API (BAP): tenant settings, environments, `addUser`.
extension OnboardingClient {
    var adminPrefix: String { "/providers/Microsoft.BusinessAppPlatform" }
    var apiVersion: String { Self.query([("api-version", endpoints.adminAPIVersion)]) }

    /// `POST …/listTenantSettings`.
    public func tenantSettings() async throws -> PowerPlatformTenantSettings {
        let reply = try await send(
            .post, authority: endpoints.adminAPIHost, path: "\(adminPrefix)/listTenantSettings?\(apiVersion)", scope: endpoints.adminAPIScope)
        return PowerPlatformTenantSettings(json: reply.data)
    }

    /// `POST …/scopes/admin/updateTenantSettings` with a partial settings document (merged by the
    /// service). Returns the settings after the change.
    public func updateTenantSettings(_ partial: Data) async throws -> PowerPlatformTenantSettings {
        let reply = try await send(
            .post, authority: endpoints.adminAPIHost, path: "\(adminPrefix)/scopes/admin/updateTenantSettings?\(apiVersion)",
            scope: endpoints.adminAPIScope, body: partial)
        return PowerPlatformTenantSettings(json: reply.data)
    }

    /// Sets `powerPlatform.powerApps.enableGuestsToMake`.
    public func setGuestsCanMake(_ enabled: Bool) async throws -> PowerPlatformTenantSettings {
        try await updateTenantSettings(Data("{\"powerPlatform\":{\"powerApps\":{\"enableGuestsToMake\":\(enabled)}}}".utf8))
    }

    /// `GET …/scopes/admin/environments`.
    public func environments() async throws -> [AdminEnvironment] {
        try await collection(
            AdminEnvironment.self, authority: endpoints.adminAPIHost, path: "\(adminPrefix)/scopes/admin/environments?\(apiVersion)",
            scope: endpoints.adminAPIScope)
    }

    /// The environment named by `key`: its URL (`https://contoso.crm.dynamics.com`), name or
    /// display name; `nil` when none matches.
    public func environment(matching key: String) async throws -> AdminEnvironment? {
        try await environments().first { $0.matches(key) }
    }

    /// `POST …/environments/{name}/addUser` `{"ObjectId": …}`: adds (syncs) an Entra user into
    /// the environment's Dataverse on demand.
    public func addUser(objectId: String, toEnvironment name: String) async throws {
        _ = try await send(
            .post, authority: endpoints.adminAPIHost, path: "\(adminPrefix)/scopes/admin/environments/\(Self.segment(name))/addUser?\(apiVersion)",
            scope: endpoints.adminAPIScope, body: try Self.json(["ObjectId": objectId]))
    }
}
