/// `crossTenantAccessPolicyInboundTrust`.
public struct InboundTrust: Codable, Hashable, Sendable {
    public var isMfaAccepted: Bool
    public var isCompliantDeviceAccepted: Bool
    public var isHybridAzureADJoinedDeviceAccepted: Bool

    public init(isMfaAccepted: Bool = false, isCompliantDeviceAccepted: Bool = false, isHybridAzureADJoinedDeviceAccepted: Bool = false) {
        self.isMfaAccepted = isMfaAccepted
        self.isCompliantDeviceAccepted = isCompliantDeviceAccepted
        self.isHybridAzureADJoinedDeviceAccepted = isHybridAzureADJoinedDeviceAccepted
    }
}
