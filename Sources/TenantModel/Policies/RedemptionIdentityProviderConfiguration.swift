/// `defaultInvitationRedemptionIdentityProviderConfiguration` — configurable redemption order.
public struct RedemptionIdentityProviderConfiguration: Codable, Hashable, Sendable {
    public var primaryIdentityProviderPrecedenceOrder: [String]
    /// `defaultConfiguredIdp` (MSA allowed) or `emailOneTimePasscode` (MSA not offered).
    public var fallbackIdentityProvider: String

    public init(
        primaryIdentityProviderPrecedenceOrder: [String] = ["externalFederation", "azureActiveDirectory", "socialIdentityProviders"],
        fallbackIdentityProvider: String = "defaultConfiguredIdp"
    ) {
        self.primaryIdentityProviderPrecedenceOrder = primaryIdentityProviderPrecedenceOrder
        self.fallbackIdentityProvider = fallbackIdentityProvider
    }
}
