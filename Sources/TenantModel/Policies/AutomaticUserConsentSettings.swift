/// `inboundOutboundPolicyConfiguration` used by automatic redemption.
public struct AutomaticUserConsentSettings: Codable, Hashable, Sendable {
    public var inboundAllowed: Bool?
    public var outboundAllowed: Bool?

    public init(inboundAllowed: Bool? = false, outboundAllowed: Bool? = false) {
        self.inboundAllowed = inboundAllowed
        self.outboundAllowed = outboundAllowed
    }
}
