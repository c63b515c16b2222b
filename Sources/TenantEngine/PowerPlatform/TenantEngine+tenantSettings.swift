import Foundation
import TenantModel
import TenantRules
import TenantStore

extension TenantEngine {
    /// `listTenantSettings`: the tenant's whole settings document.
    public func tenantSettings(of tenantId: TenantID) async throws(TenantError) -> TenantSettings {
        try await read { tx in
            guard try tx.tenant(tenantId) != nil else { throw TenantError.notFound(tenantId.rawValue) }
            return try tx.tenantSettings(tenantId) ?? TenantSettings(tenantId: tenantId)
        }
    }

    /// `updateTenantSettings`: deep-merges a partial (or whole) settings document. Needs a Power
    /// Platform or Global administrator (`pp.settings.admin-required`). Returns the new document.
    @discardableResult
    public func updateTenantSettings(
        _ patch: JSONValue, in tenantId: TenantID, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) -> TenantSettings {
        try await perform(.updateTenantSettings, caller: caller, tenantId: tenantId, requestId: requestId) { scope in
            let tenant = try scope.requireTenant(tenantId)
            let context = DirectoryChangeContext(
                caller: try scope.callerFacts(in: tenant.id), permission: GraphPermissions.readPolicies, tenant: tenant,
                summary: "update the Power Platform tenant settings of \(tenant.displayName)")
            try scope.enforce(OperationRules.updateTenantSettings.decide(context))
            guard case .object = patch else {
                throw TenantError(status: 400, code: "InvalidRequestBody", message: "The tenant settings must be a JSON object.", surface: .adminAPI)
            }
            var settings = try scope.tx.tenantSettings(tenant.id) ?? TenantSettings(tenantId: tenant.id)
            try TenantSettingsShape.validate(patch, against: TenantSettings.defaultDocument, path: "")
            let before = settings.enableGuestsToMake
            settings.document = settings.document.merging(patch)
            try scope.tx.save(settings)
            try SettingPropagation.record(
                .enableGuestsToMake, of: tenant.id, from: String(before), to: String(settings.enableGuestsToMake), scope: scope)
            scope.target = "tenantSettings"
            scope.detail = TenantSettingsShape.paths(of: patch).joined(separator: ",")
            return settings
        }
    }
}

/// Validates settings updates against the known document: a known key must keep its type.
enum TenantSettingsShape {
    static func validate(_ value: JSONValue, against known: JSONValue?, path: String) throws {
        guard let known else { return }
        switch (value, known) {
        case (.object(let object), .object(let knownObject)):
            for (key, child) in object { try validate(child, against: knownObject[key], path: path.isEmpty ? key : "\(path).\(key)") }
        case (.object, _), (_, .object):
            throw TenantError(status: 400, code: "InvalidRequestBody", message: "'\(path)' has the wrong type.", surface: .adminAPI)
        case (.bool, .bool), (.number, .number), (.string, .string), (.array, .array), (.null, _):
            return
        default:
            throw TenantError(status: 400, code: "InvalidRequestBody", message: "'\(path)' has the wrong type.", surface: .adminAPI)
        }
    }

    /// Dotted paths of the leaves a patch sets, sorted.
    static func paths(of value: JSONValue, prefix: String = "") -> [String] {
        guard case .object(let object) = value else { return [prefix] }
        return object.keys.sorted().flatMap { key in paths(of: object[key]!, prefix: prefix.isEmpty ? key : "\(prefix).\(key)") }
    }
}
