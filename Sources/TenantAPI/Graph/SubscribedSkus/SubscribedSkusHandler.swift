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

    static let selectable: Set<String> = [
        "accountId", "accountName", "appliesTo", "capabilityStatus", "consumedUnits", "id", "prepaidUnits", "servicePlans", "skuId",
        "skuPartNumber", "subscriptionIds",
    ]

    /// `$select` (the only query option subscribedSkus takes): the named properties, in any letter case.
    func selection() throws -> [String]? {
        var select: [String]?
        for (key, value) in ODataQuery.pairs(graph.request.uri.query) {
            switch key.lowercased() {
            case "$select":
                select = try ODataQuery.selection(value, selectable: Self.selectable, resource: "SubscribedSku")
            case "$filter":
                throw TenantError.badRequest("$filter is not supported on subscribedSkus.", code: "Request_UnsupportedQuery")
            default:
                if key.hasPrefix("$") {
                    throw TenantError(status: 501, code: "notSupported", message: "TenantSim does not emulate \(key) on subscribedSkus.")
                }
            }
        }
        return select
    }

    static func selected(_ sku: SubscribedSku, _ select: [String]?) -> JSONValue {
        guard let select, case .object(let object) = json(sku) else { return json(sku) }
        return .object(object.filter { select.contains($0.key) || $0.key == "id" })
    }

    func listSubscribedSkus() async throws -> Response {
        try await graph.authorize(GraphPermissions.readSubscribedSkus)
        let select = try selection()
        let skus = try await graph.engine.skus(in: graph.tenantId)
        let context = "subscribedSkus" + (select.map { "(\($0.joined(separator: ",")))" } ?? "")
        return APIResponse.json(.object(["@odata.context": graph.metadata(context), "value": .array(skus.map { Self.selected($0, select) })]))
    }

    func getSubscribedSku(_ id: String) async throws -> Response {
        try await graph.authorize(GraphPermissions.readSubscribedSkus)
        let skuId = id.split(separator: "_").last.map(String.init) ?? id
        guard let sku = try await graph.engine.sku(skuId, in: graph.tenantId), sku.graphId == id else { throw TenantError.notFound(id) }
        var object = Self.selected(sku, try selection()).objectValue ?? [:]
        object["@odata.context"] = graph.metadata("subscribedSkus/$entity")
        return APIResponse.json(.object(object))
    }
}
