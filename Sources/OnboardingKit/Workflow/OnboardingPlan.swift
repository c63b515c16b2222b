/// What to onboard guests into: the environment, the licence, the security role, and whether
/// they are makers.
public struct OnboardingPlan: Sendable, Hashable {
    /// The environment: its URL (`https://contoso.crm.dynamics.com`), name or display name.
    public var environment: String
    /// The SKU part number to assign (e.g. `POWERAPPS_PER_USER`).
    public var licenseSkuPartNumber: String
    /// The Dataverse security role to assign (e.g. `Basic User`).
    public var roleName: String
    /// A security group to use instead of the environment's own.
    public var securityGroupId: String?
    /// Run the guest-maker track for every guest.
    public var maker: Bool
    /// The usage location for guests whose row has none (ISO 3166 two letters).
    public var usageLocation: String?
    /// Where invited guests land after redeeming; default the environment URL.
    public var inviteRedirectURL: String?
    /// Whether Microsoft sends the invitation email.
    public var sendInvitationMessage: Bool
    /// Against TenantSim only: play each pending guest accepting the invitation (its control API),
    /// so an offline run completes instead of waiting for people.
    public var redeemAsGuest: Bool

    public init(
        environment: String, licenseSkuPartNumber: String, roleName: String, securityGroupId: String? = nil, maker: Bool = false,
        usageLocation: String? = nil, inviteRedirectURL: String? = nil, sendInvitationMessage: Bool = false, redeemAsGuest: Bool = false
    ) {
        self.redeemAsGuest = redeemAsGuest
        self.environment = environment
        self.licenseSkuPartNumber = licenseSkuPartNumber
        self.roleName = roleName
        self.securityGroupId = securityGroupId
        self.maker = maker
        self.usageLocation = usageLocation
        self.inviteRedirectURL = inviteRedirectURL
        self.sendInvitationMessage = sendInvitationMessage
    }
}
