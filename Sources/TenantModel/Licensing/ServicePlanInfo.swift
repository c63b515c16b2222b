/// `servicePlanInfo`: one service plan inside a SKU.
public struct ServicePlanInfo: Codable, Hashable, Sendable {
    public var servicePlanId: String
    public var servicePlanName: String
    public var provisioningStatus: String
    public var appliesTo: String

    public init(servicePlanId: String, servicePlanName: String, provisioningStatus: String = "Success", appliesTo: String = "User") {
        self.servicePlanId = servicePlanId
        self.servicePlanName = servicePlanName
        self.provisioningStatus = provisioningStatus
        self.appliesTo = appliesTo
    }
}
