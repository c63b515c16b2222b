/// The setting blocks shared by the default configuration and partner configurations of the
/// cross-tenant access policy. On a partner, `nil` means "inherit from the default".
public struct CrossTenantAccessSettings: Codable, Hashable, Sendable {
    public var b2bCollaborationInbound: CrossTenantB2BSetting?
    public var b2bCollaborationOutbound: CrossTenantB2BSetting?
    public var b2bDirectConnectInbound: CrossTenantB2BSetting?
    public var b2bDirectConnectOutbound: CrossTenantB2BSetting?
    public var inboundTrust: InboundTrust?
    public var automaticUserConsentSettings: AutomaticUserConsentSettings?
    public var invitationRedemptionIdentityProviderConfiguration: RedemptionIdentityProviderConfiguration?

    public init(
        b2bCollaborationInbound: CrossTenantB2BSetting? = nil, b2bCollaborationOutbound: CrossTenantB2BSetting? = nil,
        b2bDirectConnectInbound: CrossTenantB2BSetting? = nil, b2bDirectConnectOutbound: CrossTenantB2BSetting? = nil,
        inboundTrust: InboundTrust? = nil, automaticUserConsentSettings: AutomaticUserConsentSettings? = nil,
        invitationRedemptionIdentityProviderConfiguration: RedemptionIdentityProviderConfiguration? = nil
    ) {
        self.b2bCollaborationInbound = b2bCollaborationInbound
        self.b2bCollaborationOutbound = b2bCollaborationOutbound
        self.b2bDirectConnectInbound = b2bDirectConnectInbound
        self.b2bDirectConnectOutbound = b2bDirectConnectOutbound
        self.inboundTrust = inboundTrust
        self.automaticUserConsentSettings = automaticUserConsentSettings
        self.invitationRedemptionIdentityProviderConfiguration = invitationRedemptionIdentityProviderConfiguration
    }

    /// The service default (domain-facts §5.1): collaboration allowed both ways, direct connect blocked.
    public static let serviceDefault = CrossTenantAccessSettings(
        b2bCollaborationInbound: .allowAll, b2bCollaborationOutbound: .allowAll,
        b2bDirectConnectInbound: .blockAll, b2bDirectConnectOutbound: .blockAll,
        inboundTrust: InboundTrust(), automaticUserConsentSettings: AutomaticUserConsentSettings(),
        invitationRedemptionIdentityProviderConfiguration: RedemptionIdentityProviderConfiguration())

    /// Fills every `nil` block from `defaults` (partner inheritance).
    public func inheriting(from defaults: CrossTenantAccessSettings) -> CrossTenantAccessSettings {
        CrossTenantAccessSettings(
            b2bCollaborationInbound: b2bCollaborationInbound ?? defaults.b2bCollaborationInbound,
            b2bCollaborationOutbound: b2bCollaborationOutbound ?? defaults.b2bCollaborationOutbound,
            b2bDirectConnectInbound: b2bDirectConnectInbound ?? defaults.b2bDirectConnectInbound,
            b2bDirectConnectOutbound: b2bDirectConnectOutbound ?? defaults.b2bDirectConnectOutbound,
            inboundTrust: inboundTrust ?? defaults.inboundTrust,
            automaticUserConsentSettings: automaticUserConsentSettings ?? defaults.automaticUserConsentSettings,
            invitationRedemptionIdentityProviderConfiguration: invitationRedemptionIdentityProviderConfiguration
                ?? defaults.invitationRedemptionIdentityProviderConfiguration)
    }

    /// Every B2B block, for conflict checks.
    public var b2bBlocks: [(name: String, setting: CrossTenantB2BSetting)] {
        [
            ("b2bCollaborationInbound", b2bCollaborationInbound), ("b2bCollaborationOutbound", b2bCollaborationOutbound),
            ("b2bDirectConnectInbound", b2bDirectConnectInbound), ("b2bDirectConnectOutbound", b2bDirectConnectOutbound),
        ].compactMap { name, setting in setting.map { (name, $0) } }
    }
}
