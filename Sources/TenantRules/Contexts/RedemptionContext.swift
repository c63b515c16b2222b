import TenantModel

/// What the redemption rules read: the pending invitation and guest, the resource tenant's
/// policies, and what exists for the invited address (home tenant account, personal account).
public struct RedemptionContext: Sendable {
    public var resourceTenant: Tenant
    public var invitation: Invitation
    public var guest: User
    public var collaborationRestrictions: CollaborationRestrictions
    /// The world tenant that owns the address's domain, with the account if it exists.
    public var home: ExternalHome?
    public var resourceInbound: CrossTenantView?
    /// An existing personal Microsoft account for the address (declared, or a consumer domain).
    public var personalAccount: PersonalAccount?
    /// The address is on a consumer Microsoft domain (outlook.com…), so it is an MSA.
    public var isConsumerAddress: Bool
    /// The resource tenant's effective configurable-redemption settings.
    public var redemptionConfiguration: RedemptionIdentityProviderConfiguration

    public init(
        resourceTenant: Tenant, invitation: Invitation, guest: User, collaborationRestrictions: CollaborationRestrictions,
        home: ExternalHome?, resourceInbound: CrossTenantView?, personalAccount: PersonalAccount?, isConsumerAddress: Bool,
        redemptionConfiguration: RedemptionIdentityProviderConfiguration
    ) {
        self.resourceTenant = resourceTenant
        self.invitation = invitation
        self.guest = guest
        self.collaborationRestrictions = collaborationRestrictions
        self.home = home
        self.resourceInbound = resourceInbound
        self.personalAccount = personalAccount
        self.isConsumerAddress = isConsumerAddress
        self.redemptionConfiguration = redemptionConfiguration
    }

    public var address: String { invitation.invitedUserEmailAddress.lowercased() }
    public var domain: String { EmailAddress.domain(of: address) ?? "" }
    public var isAlreadyRedeemed: Bool { guest.externalUserState == .accepted }

    /// The identity provider the guest lands on, in the documented order (domain-facts §1.5).
    public var path: RedemptionPath {
        if let home, let user = home.user { return .externalAzureAD(homeTenantId: home.tenant.id, homeUserId: user.id) }
        if let federation = resourceTenant.federations.first(where: { $0.domain == domain }) {
            return .federation(issuer: federation.issuerUri)
        }
        if resourceTenant.googleFederationEnabled && PersonalAccount.isGoogleDomain(domain) { return .google }
        let msaAllowed = redemptionConfiguration.fallbackIdentityProvider != "emailOneTimePasscode"
        if msaAllowed && (personalAccount != nil || isConsumerAddress) { return .microsoftAccount(personalAccount?.id) }
        if resourceTenant.emailOneTimePasscodeEnabled || !msaAllowed { return .emailOneTimePasscode }
        return .createMicrosoftAccount
    }
}
