import Foundation

/// A licence assigned directly to a user in one tenant.
public struct LicenseAssignment: Codable, Hashable, Sendable {
    public var tenantId: TenantID
    public var userId: UserID
    public var skuId: String
    public var disabledPlans: [String]
    public var assignedDateTime: Date

    public init(tenantId: TenantID, userId: UserID, skuId: String, disabledPlans: [String] = [], assignedDateTime: Date) {
        self.tenantId = tenantId
        self.userId = userId
        self.skuId = skuId.lowercased()
        self.disabledPlans = disabledPlans
        self.assignedDateTime = assignedDateTime
    }
}
