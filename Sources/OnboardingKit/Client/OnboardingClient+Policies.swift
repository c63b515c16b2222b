import Foundation
import HTTPTypes

/// Microsoft Graph v1.0 policies: the authorization policy and cross-tenant access settings.
/// Bodies are partial JSON documents, as Graph's PATCH takes them.
extension OnboardingClient {
    /// `PATCH /policies/authorizationPolicy` with the properties in `changes`.
    public func updateAuthorizationPolicy(_ changes: Data) async throws {
        _ = try await send(.patch, authority: graph, path: "/v1.0/policies/authorizationPolicy", scope: graphScope, body: changes)
    }

    /// `PATCH /policies/crossTenantAccessPolicy/default`.
    public func updateCrossTenantDefault(_ changes: Data) async throws {
        _ = try await send(.patch, authority: graph, path: "/v1.0/policies/crossTenantAccessPolicy/default", scope: graphScope, body: changes)
    }

    /// `POST /policies/crossTenantAccessPolicy/partners`: the partner's settings, with its `tenantId`.
    public func addCrossTenantPartner(_ configuration: Data) async throws {
        _ = try await send(.post, authority: graph, path: "/v1.0/policies/crossTenantAccessPolicy/partners", scope: graphScope, body: configuration)
    }

    /// `PATCH /policies/crossTenantAccessPolicy/partners/{tenantId}`.
    public func updateCrossTenantPartner(_ tenantId: String, _ changes: Data) async throws {
        _ = try await send(
            .patch, authority: graph, path: "/v1.0/policies/crossTenantAccessPolicy/partners/\(Self.segment(tenantId))", scope: graphScope,
            body: changes)
    }

    /// `PATCH /policies/crossTenantAccessPolicy` setting `allowedCloudEndpoints` (Microsoft cloud
    /// settings: the other clouds B2B collaboration may reach).
    public func setAllowedCloudEndpoints(_ endpoints: [String]) async throws {
        _ = try await send(
            .patch, authority: graph, path: "/v1.0/policies/crossTenantAccessPolicy", scope: graphScope,
            body: try Self.json(["allowedCloudEndpoints": endpoints]))
    }
}
