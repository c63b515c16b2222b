import TenantModel
import TenantRules

/// What redeeming an invitation produced: the guest after redemption and the identity used.
public struct RedemptionResult: Sendable, Hashable {
    public var user: User
    public var invitation: Invitation
    public var identityProvider: String
    /// `true` when the invitation had already been redeemed and nothing changed.
    public var alreadyRedeemed: Bool
}
