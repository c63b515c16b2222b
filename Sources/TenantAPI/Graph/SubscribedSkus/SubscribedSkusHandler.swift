import Foundation
import Hummingbird
import TenantEngine
import TenantModel
import TenantRules

/// `GET /subscribedSkus` and `GET /subscribedSkus/{id}`.
struct SubscribedSkusHandler {
    let graph: GraphRequest

    static func json(_ sku: SubscribedSku) -> JSONValue {
        .object([
            "accountId": .string(sku.tenantId.rawValue), "accountName": .null, "appliesTo": .string(sku.appliesTo),
            "capabilityStatus": .string(sku.capabilityStatus), "consumedUnits": .int(sku.consumedUnits), "id": .string(sku.graphId),
            "prepaidUnits": .object([
                "enabled": .int(sku.prepaidUnits.enabled), "lockedOut": .int(sku.prepaidUnits.lockedOut),
                "suspended": .int(sku.prepaidUnits.suspended), "warning": .int(sku.prepaidUnits.warning),
            ]),
            "servicePlans": .array(
                sku.servicePlans.map { plan in
                    .object([
                        "servicePlanId": .string(plan.servicePlanId), "servicePlanName": .string(plan.servicePlanName),
                        "provisioningStatus": .string(plan.provisioningStatus), "appliesTo": .string(plan.appliesTo),
                    ])
                }),
            "skuId": .string(sku.skuId), "skuPartNumber": .string(sku.skuPartNumber), "subscriptionIds": .strings(sku.subscriptionIds),
        ])
    }

    func listSubscribedSkus() async throws -> Response {
        try await graph.authorize(GraphPermissions.readSubscribedSkus)
        if graph.request.uri.query?.contains("filter") == true {
            throw TenantError.badRequest("$filter is not supported on subscribedSkus.", code: "Request_UnsupportedQuery")
        }
        let skus = try await graph.engine.skus(in: graph.tenantId)
        return APIResponse.json(.object(["@odata.context": graph.metadata("subscribedSkus"), "value": .array(skus.map(Self.json))]))
    }

    func getSubscribedSku(_ id: String) async throws -> Response {
        try await graph.authorize(GraphPermissions.readSubscribedSkus)
        let skuId = id.split(separator: "_").last.map(String.init) ?? id
        guard let sku = try await graph.engine.sku(skuId, in: graph.tenantId), sku.graphId == id else { throw TenantError.notFound(id) }
        var object = Self.json(sku).objectValue ?? [:]
        object["@odata.context"] = graph.metadata("subscribedSkus/$entity")
        return APIResponse.json(.object(object))
    }
}
