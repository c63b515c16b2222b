import Foundation
import TenantModel
import TenantRules
import TenantStore

/// One licence to add: the SKU and the service plans to leave off.
public struct LicenseToAdd: Sendable, Hashable, Codable {
    public var skuId: String
    public var disabledPlans: [String]

    public init(skuId: String, disabledPlans: [String] = []) {
        self.skuId = skuId.lowercased()
        self.disabledPlans = disabledPlans
    }
}

extension TenantEngine {
    /// `POST /users/{id}/assignLicense`: adds and removes licences in one step. Consumed units move
    /// in the same transaction as the decision, so concurrent calls never oversubscribe a SKU.
    @discardableResult
    public func assignLicense(
        to key: String, in tenantId: TenantID, add: [LicenseToAdd], remove: [String], by caller: Caller,
        requestId: String? = nil
    ) async throws(TenantError) -> User {
        try await perform(.assignLicense, caller: caller, tenantId: tenantId, requestId: requestId) { scope in
            let tenant = try scope.requireTenant(tenantId)
            let facts = try scope.callerFacts(in: tenant.id)
            let target = try scope.requireUser(key, in: tenant.id)
            scope.target = target.id.rawValue
            try Consistency.requireVisible(
                target.id.rawValue, kind: "user", operation: .assignLicense, action: "assign a licence to it", scope: scope)
            let held = Set(try scope.tx.licenses(of: target.id).map(\.skuId))
            func item(_ skuId: String) throws -> LicenseContext.Item {
                LicenseContext.Item(
                    skuId: skuId.lowercased(), sku: try scope.tx.sku(skuId, in: tenant.id), alreadyAssigned: held.contains(skuId.lowercased()))
            }
            let adds = try add.map { try item($0.skuId) }
            let removes = try remove.map { try item($0) }
            let context = LicenseContext(
                caller: facts, permission: GraphPermissions.assignLicense, tenant: tenant, target: target, adds: adds, removes: removes)
            try scope.enforce(OperationRules.assignLicense.decide(context))
            if removes.contains(where: { !$0.alreadyAssigned }) {
                throw TenantError.badRequest("User does not have a corresponding license.")
            }
            for (request, item) in zip(add, adds) {
                guard let sku = item.sku else { continue }
                let knownPlans = Set(sku.servicePlans.map { $0.servicePlanId.lowercased() })
                if let unknown = request.disabledPlans.first(where: { !knownPlans.contains($0.lowercased()) }) {
                    throw TenantError.badRequest("Service plan \(unknown) is not part of SKU \(sku.skuId).")
                }
                if item.alreadyAssigned {
                    try scope.tx.delete(license: sku.skuId, of: target.id, in: tenant.id)
                } else {
                    try scope.tx.addConsumedUnits(1, sku: sku.skuId, in: tenant.id)
                }
                try scope.tx.insert(
                    LicenseAssignment(
                        tenantId: tenant.id, userId: target.id, skuId: sku.skuId, disabledPlans: request.disabledPlans,
                        assignedDateTime: scope.now))
            }
            for item in removes where item.alreadyAssigned {
                try scope.tx.delete(license: item.skuId, of: target.id, in: tenant.id)
                try scope.tx.addConsumedUnits(-1, sku: item.skuId, in: tenant.id)
            }
            scope.touchedUsers.insert(target.id)
            scope.detail = (adds.map { "+\($0.sku?.skuPartNumber ?? $0.skuId)" } + removes.map { "-\($0.sku?.skuPartNumber ?? $0.skuId)" })
                .joined(separator: " ")
            return target
        }
    }
}
