import TenantModel

/// A B2B guest of a tenant, as `tenantsim import --include-guests` and `tenantsim export` write it:
/// the invited address and where the invitation stands. A redeemed guest whose home tenant (or
/// personal Microsoft account) is in the world is linked to it, as redemption would have.
public struct GuestSpec: Codable, Sendable, Hashable {
    /// The invited email address.
    public var address: String
    public var id: String?
    public var displayName: String?
    public var givenName: String?
    public var surname: String?
    /// `PendingAcceptance` or `Accepted` (the default), as Graph's `externalUserState`.
    public var state: ExternalUserState?
    /// `Guest` (the default) or `Member` (an external member).
    public var userType: UserType?
    public var usageLocation: String?
    /// SKU part numbers assigned directly.
    public var licenses: [String]?
    /// Environment URLs the guest was sent (the notification step).
    public var notified: [String]?
    /// How a redeemed guest signs in when no home of theirs is in the world: `ExternalAzureAD`,
    /// `MicrosoftAccount`, `mail` (email one-time passcode), `google.com` or a federation's issuer.
    public var identityProvider: String?

    public init(address: String, displayName: String? = nil, state: ExternalUserState? = nil, usageLocation: String? = nil) {
        self.address = address
        self.displayName = displayName
        self.state = state
        self.usageLocation = usageLocation
    }
}
