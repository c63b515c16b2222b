import Foundation
import TenantModel
import TenantRules
import TenantStore

extension TenantEngine {
    /// `PATCH /policies/authorizationPolicy`.
    @discardableResult
    public func updateAuthorizationPolicy(
        _ patch: AuthorizationPolicyPatch, in tenantId: TenantID, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) -> AuthorizationPolicy {
        try await perform(.updateAuthorizationPolicy, caller: caller, tenantId: tenantId, requestId: requestId) { scope in
            let tenant = try scope.requireTenant(tenantId)
            let context = DirectoryChangeContext(
                caller: try scope.callerFacts(in: tenant.id), permission: GraphPermissions.updateAuthorizationPolicy, tenant: tenant,
                summary: "change the authorization policy (\(patch.touchedProperties.joined(separator: ", ")))")
            try scope.enforce(OperationRules.updateAuthorizationPolicy.decide(context))
            if let problem = patch.problem { throw TenantError.badRequest(problem) }
            let stored = try scope.storedAuthorizationPolicy(tenant)
            let policy = patch.applied(to: stored)
            try scope.tx.save(policy)
            try SettingPropagation.record(
                .allowInvitesFrom, of: tenant.id, from: stored.allowInvitesFrom.rawValue, to: policy.allowInvitesFrom.rawValue, scope: scope)
            try SettingPropagation.record(.guestUserRoleId, of: tenant.id, from: stored.guestUserRoleId, to: policy.guestUserRoleId, scope: scope)
            scope.target = "authorizationPolicy"
            scope.detail = patch.touchedProperties.map { name in
                switch name {
                case "allowInvitesFrom": "allowInvitesFrom=\(policy.allowInvitesFrom.rawValue)"
                case "guestUserRoleId": "guestUserRoleId=\(policy.guestUserRoleId)"
                default: name
                }
            }.joined(separator: ",")
            return policy
        }
    }

    /// Sets the collaboration restrictions: an allow list, a deny list, or neither (any domain).
    @discardableResult
    public func setCollaborationRestrictions(
        allowedDomains: [String]?, blockedDomains: [String]?, in tenantId: TenantID, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) -> CollaborationRestrictions {
        try await perform(.setCollaborationRestrictions, caller: caller, tenantId: tenantId, requestId: requestId) { scope in
            let tenant = try scope.requireTenant(tenantId)
            let context = DirectoryChangeContext(
                caller: try scope.callerFacts(in: tenant.id), permission: GraphPermissions.updateCollaborationRestrictions,
                tenant: tenant, summary: "change the collaboration restrictions")
            try scope.enforce(OperationRules.setCollaborationRestrictions.decide(context))
            let restrictions = try CollaborationRestrictions.from(
                tenantId: tenant.id, allowedDomains: allowedDomains, blockedDomains: blockedDomains
            ).get()
            try scope.tx.save(restrictions)
            scope.target = "collaborationRestrictions"
            scope.detail = restrictions.summary
            return restrictions
        }
    }

    /// `PATCH /policies/crossTenantAccessPolicy` (the Microsoft cloud settings).
    @discardableResult
    public func updateCrossTenantAccessPolicy(
        allowedCloudEndpoints: [String]?, displayName: String? = nil, in tenantId: TenantID, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) -> CrossTenantAccessDefault {
        try await perform(.updateCrossTenantAccessPolicy, caller: caller, tenantId: tenantId, requestId: requestId) { scope in
            let (_, current) = try CrossTenantChange.prepare(
                scope, .updateCrossTenantAccessPolicy, tenantId: tenantId, summary: "change the Microsoft cloud settings", proposed: nil)
            var policy = current
            if let endpoints = allowedCloudEndpoints { policy.allowedCloudEndpoints = try CrossTenantEndpoints.validated(endpoints) }
            if let displayName { policy.displayName = displayName }
            try scope.tx.save(policy)
            scope.target = "crossTenantAccessPolicy"
            scope.detail = "allowedCloudEndpoints=\(policy.allowedCloudEndpoints.joined(separator: "+"))"
            return policy
        }
    }

    /// `PATCH /policies/crossTenantAccessPolicy/default` with typed blocks: each given block is
    /// merged over the current one.
    @discardableResult
    public func updateCrossTenantDefault(
        _ patch: CrossTenantAccessSettings, in tenantId: TenantID, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) -> CrossTenantAccessDefault {
        try await updateCrossTenantDefault(json: patch.json, in: tenantId, by: caller, requestId: requestId)
    }

    /// `PATCH /policies/crossTenantAccessPolicy/default` with Graph's JSON: nested objects may be
    /// partial; members left out keep their values (merged inside the transaction).
    @discardableResult
    public func updateCrossTenantDefault(
        json patch: [String: JSONValue], in tenantId: TenantID, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) -> CrossTenantAccessDefault {
        try await perform(.updateCrossTenantAccessPolicyConfigurationDefault, caller: caller, tenantId: tenantId, requestId: requestId) { scope in
            let current = try scope.tx.crossTenantDefault(tenantId) ?? CrossTenantAccessDefault(tenantId: tenantId)
            let merged = try current.settings.applying(patch, over: current.settings, resource: "crossTenantAccessPolicyConfigurationDefault")
            _ = try CrossTenantChange.prepare(
                scope, .updateCrossTenantAccessPolicyConfigurationDefault, tenantId: tenantId,
                summary: "change the default cross-tenant access settings", proposed: merged)
            var policy = current
            policy.settings = merged
            policy.isServiceDefault = false
            try scope.tx.save(policy)
            scope.target = "crossTenantAccessPolicy/default"
            return policy
        }
    }

    /// `POST /policies/crossTenantAccessPolicy/default/resetToSystemDefault`.
    @discardableResult
    public func resetCrossTenantDefault(
        in tenantId: TenantID, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) -> CrossTenantAccessDefault {
        try await perform(.resetToSystemDefault, caller: caller, tenantId: tenantId, requestId: requestId) { scope in
            let current = try scope.tx.crossTenantDefault(tenantId) ?? CrossTenantAccessDefault(tenantId: tenantId)
            _ = try CrossTenantChange.prepare(
                scope, .resetToSystemDefault, tenantId: tenantId, summary: "reset the default cross-tenant access settings", proposed: nil)
            var policy = current
            policy.settings = .serviceDefault
            policy.isServiceDefault = true
            try scope.tx.save(policy)
            scope.target = "crossTenantAccessPolicy/default"
            return policy
        }
    }

    /// `POST /policies/crossTenantAccessPolicy/partners`.
    @discardableResult
    public func createCrossTenantPartner(
        _ partner: CrossTenantAccessPartner, in tenantId: TenantID, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) -> CrossTenantAccessPartner {
        try await perform(.createCrossTenantAccessPolicyConfigurationPartner, caller: caller, tenantId: tenantId, requestId: requestId) { scope in
            var partner = partner
            partner.tenantId = tenantId
            let defaults = try scope.tx.crossTenantDefault(tenantId) ?? CrossTenantAccessDefault(tenantId: tenantId)
            _ = try CrossTenantChange.prepare(
                scope, .createCrossTenantAccessPolicyConfigurationPartner, tenantId: tenantId,
                summary: "add tenant \(partner.partnerTenantId) as a partner",
                proposed: partner.settings.inheriting(from: defaults.settings))
            guard UUID(uuidString: partner.partnerTenantId.rawValue) != nil else {
                throw TenantError.badRequest("tenantId '\(partner.partnerTenantId)' is not a valid tenant id (a GUID).")
            }
            if partner.partnerTenantId == tenantId { throw TenantError.badRequest("A tenant can't be its own partner.") }
            if try scope.tx.partner(partner.partnerTenantId, of: tenantId) != nil {
                throw TenantError(
                    status: 409, code: "Request_BadRequest",
                    message: "A partner configuration for tenant '\(partner.partnerTenantId)' already exists.")
            }
            try scope.tx.save(partner)
            scope.target = "partners/\(partner.partnerTenantId)"
            return partner
        }
    }

    /// `PATCH /policies/crossTenantAccessPolicy/partners/{tenantId}` with typed blocks.
    @discardableResult
    public func updateCrossTenantPartner(
        _ partnerTenantId: TenantID, patch: CrossTenantAccessSettings, isServiceProvider: Bool? = nil, in tenantId: TenantID,
        by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) -> CrossTenantAccessPartner {
        try await updateCrossTenantPartner(
            partnerTenantId, json: patch.json, isServiceProvider: isServiceProvider, in: tenantId, by: caller, requestId: requestId)
    }

    /// `PATCH /policies/crossTenantAccessPolicy/partners/{tenantId}` with Graph's JSON: a partial
    /// block is merged over the partner's own (see ``CrossTenantAccessSettings/partnerPatchBase(defaults:)``).
    @discardableResult
    public func updateCrossTenantPartner(
        _ partnerTenantId: TenantID, json patch: [String: JSONValue], isServiceProvider: Bool? = nil, in tenantId: TenantID,
        by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) -> CrossTenantAccessPartner {
        try await perform(.updateCrossTenantAccessPolicyConfigurationPartner, caller: caller, tenantId: tenantId, requestId: requestId) { scope in
            guard var partner = try scope.tx.partner(partnerTenantId, of: tenantId) else { throw TenantError.notFound(partnerTenantId.rawValue) }
            let defaults = try scope.tx.crossTenantDefault(tenantId) ?? CrossTenantAccessDefault(tenantId: tenantId)
            let merged = try partner.settings.applying(
                patch, over: partner.settings.partnerPatchBase(defaults: defaults.settings), resource: "crossTenantAccessPolicyConfigurationPartner")
            _ = try CrossTenantChange.prepare(
                scope, .updateCrossTenantAccessPolicyConfigurationPartner, tenantId: tenantId,
                summary: "change the partner settings for tenant \(partnerTenantId)",
                proposed: merged.inheriting(from: defaults.settings))
            partner.settings = merged
            if let isServiceProvider { partner.isServiceProvider = isServiceProvider }
            try scope.tx.save(partner)
            scope.target = "partners/\(partnerTenantId)"
            return partner
        }
    }

    /// `DELETE /policies/crossTenantAccessPolicy/partners/{tenantId}`.
    public func deleteCrossTenantPartner(
        _ partnerTenantId: TenantID, in tenantId: TenantID, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) {
        try await perform(.deleteCrossTenantAccessPolicyConfigurationPartner, caller: caller, tenantId: tenantId, requestId: requestId) { scope in
            _ = try CrossTenantChange.prepare(
                scope, .deleteCrossTenantAccessPolicyConfigurationPartner, tenantId: tenantId,
                summary: "remove the partner settings for tenant \(partnerTenantId)", proposed: nil)
            guard try scope.tx.delete(partner: partnerTenantId, of: tenantId) else { throw TenantError.notFound(partnerTenantId.rawValue) }
            scope.target = "partners/\(partnerTenantId)"
        }
    }
}

/// Loading and deciding shared by cross-tenant access changes.
enum CrossTenantChange {
    static func prepare(
        _ scope: OperationScope, _ operation: TenantOperation, tenantId: TenantID, summary: String, proposed: CrossTenantAccessSettings?
    ) throws -> (Tenant, CrossTenantAccessDefault) {
        let tenant = try scope.requireTenant(tenantId)
        let context = DirectoryChangeContext(
            caller: try scope.callerFacts(in: tenant.id), permission: GraphPermissions.updateCrossTenantAccess, tenant: tenant,
            summary: summary, proposedCrossTenantSettings: proposed)
        try scope.enforce(OperationRules.changeCrossTenantAccess(operation).decide(context))
        return (tenant, try scope.tx.crossTenantDefault(tenantId) ?? CrossTenantAccessDefault(tenantId: tenantId))
    }
}
