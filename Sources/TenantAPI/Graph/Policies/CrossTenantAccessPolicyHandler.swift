import Foundation
import Hummingbird
import TenantEngine
import TenantModel
import TenantRules

/// `/policies/crossTenantAccessPolicy`, its `default` and `partners`.
struct CrossTenantAccessPolicyHandler {
    let graph: GraphRequest

    static let settingKeys = [
        "b2bCollaborationInbound", "b2bCollaborationOutbound", "b2bDirectConnectInbound", "b2bDirectConnectOutbound", "inboundTrust",
        "automaticUserConsentSettings", "invitationRedemptionIdentityProviderConfiguration",
    ]

    static func settingsJSON(_ settings: CrossTenantAccessSettings) -> [String: JSONValue] {
        let encoded = (try? JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(settings)))?.objectValue ?? [:]
        var object: [String: JSONValue] = [:]
        for key in settingKeys { object[key] = encoded[key] ?? .null }
        return object
    }

    /// The settings blocks of a body, as sent (nested objects may be partial).
    func settingsPatch(from body: JSONBody) -> [String: JSONValue] {
        body.object.filter { Self.settingKeys.contains($0.key) }
    }

    func getCrossTenantAccessPolicy() async throws -> Response {
        try await graph.authorize(GraphPermissions.readPolicies)
        let policy = try await graph.engine.crossTenantDefault(of: graph.tenantId)
        return APIResponse.json(
            .object([
                "@odata.context": graph.metadata("policies/crossTenantAccessPolicy/$entity"), "id": .string("crossTenantAccessPolicy"),
                "displayName": .string(policy.displayName), "allowedCloudEndpoints": .strings(policy.allowedCloudEndpoints),
            ]))
    }

    func updateCrossTenantAccessPolicy() async throws -> Response {
        let body = try await graph.body("crossTenantAccessPolicy")
        try body.allowOnly(["allowedCloudEndpoints", "displayName", "id"])
        try await graph.engine.updateCrossTenantAccessPolicy(
            allowedCloudEndpoints: try body.strings("allowedCloudEndpoints"), displayName: try body.string("displayName"), in: graph.tenantId,
            by: graph.caller, requestId: graph.context.requestId)
        return APIResponse.noContent()
    }

    func getDefault() async throws -> Response {
        try await graph.authorize(GraphPermissions.readPolicies)
        let policy = try await graph.engine.crossTenantDefault(of: graph.tenantId)
        var object = Self.settingsJSON(policy.settings)
        object["@odata.context"] = graph.metadata("policies/crossTenantAccessPolicy/default/$entity")
        object["isServiceDefault"] = .bool(policy.isServiceDefault)
        return APIResponse.json(.object(object))
    }

    func updateDefault() async throws -> Response {
        let body = try await graph.body("crossTenantAccessPolicyConfigurationDefault")
        try body.allowOnly(Set(Self.settingKeys + ["isServiceDefault", "tenantRestrictions", "id"]))
        try await graph.engine.updateCrossTenantDefault(
            json: settingsPatch(from: body), in: graph.tenantId, by: graph.caller, requestId: graph.context.requestId)
        return APIResponse.noContent()
    }

    func resetDefault() async throws -> Response {
        try await graph.engine.resetCrossTenantDefault(in: graph.tenantId, by: graph.caller, requestId: graph.context.requestId)
        return APIResponse.noContent()
    }

    static func partnerJSON(_ partner: CrossTenantAccessPartner) -> [String: JSONValue] {
        var object = settingsJSON(partner.settings)
        object["tenantId"] = .string(partner.partnerTenantId.rawValue)
        object["isServiceProvider"] = partner.isServiceProvider.map { .bool($0) } ?? .null
        object["isInMultiTenantOrganization"] = partner.isInMultiTenantOrganization.map { .bool($0) } ?? .null
        return object
    }

    func listPartners() async throws -> Response {
        try await graph.authorize(GraphPermissions.readPolicies)
        let partners = try await graph.engine.crossTenantPartners(of: graph.tenantId)
        return APIResponse.json(
            .object([
                "@odata.context": graph.metadata("policies/crossTenantAccessPolicy/partners"),
                "value": .array(partners.map { .object(Self.partnerJSON($0)) }),
            ]))
    }

    func createPartner() async throws -> Response {
        let body = try await graph.body("crossTenantAccessPolicyConfigurationPartner")
        try body.allowOnly(Set(Self.settingKeys + ["tenantId", "isServiceProvider", "isInMultiTenantOrganization", "tenantRestrictions"]))
        guard let partnerId = try body.string("tenantId") else { throw TenantError.badRequest("tenantId is required.") }
        // Blocks may be partial: see CrossTenantAccessSettings.partnerPatchBase(defaults:).
        let defaults = try await graph.engine.crossTenantDefault(of: graph.tenantId).settings
        let settings = try CrossTenantAccessSettings().applying(
            settingsPatch(from: body), over: CrossTenantAccessSettings().partnerPatchBase(defaults: defaults),
            resource: "crossTenantAccessPolicyConfigurationPartner")
        let partner = CrossTenantAccessPartner(
            tenantId: graph.tenantId, partnerTenantId: TenantID(partnerId.lowercased()), settings: settings,
            isServiceProvider: try body.bool("isServiceProvider"))
        let created = try await graph.engine.createCrossTenantPartner(
            partner, in: graph.tenantId, by: graph.caller, requestId: graph.context.requestId)
        var object = Self.partnerJSON(created)
        object["@odata.context"] = graph.metadata("policies/crossTenantAccessPolicy/partners/$entity")
        return APIResponse.json(.object(object), status: .created)
    }

    func getPartner(_ id: String) async throws -> Response {
        try await graph.authorize(GraphPermissions.readPolicies)
        guard let partner = try await graph.engine.crossTenantPartner(TenantID(id.lowercased()), of: graph.tenantId) else {
            throw TenantError.notFound(id)
        }
        var object = Self.partnerJSON(partner)
        object["@odata.context"] = graph.metadata("policies/crossTenantAccessPolicy/partners/$entity")
        return APIResponse.json(.object(object))
    }

    func updatePartner(_ id: String) async throws -> Response {
        let body = try await graph.body("crossTenantAccessPolicyConfigurationPartner")
        try body.allowOnly(Set(Self.settingKeys + ["tenantId", "isServiceProvider", "isInMultiTenantOrganization", "tenantRestrictions"]))
        try await graph.engine.updateCrossTenantPartner(
            TenantID(id.lowercased()), json: settingsPatch(from: body), isServiceProvider: try body.bool("isServiceProvider"), in: graph.tenantId,
            by: graph.caller, requestId: graph.context.requestId)
        return APIResponse.noContent()
    }

    func deletePartner(_ id: String) async throws -> Response {
        try await graph.engine.deleteCrossTenantPartner(
            TenantID(id.lowercased()), in: graph.tenantId, by: graph.caller, requestId: graph.context.requestId)
        return APIResponse.noContent()
    }
}
