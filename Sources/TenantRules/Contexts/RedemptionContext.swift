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
    /// How the guest got to redemption: the invitation email's link, or a direct link (an app,
    /// the environment URL, My Apps) that redeems just in time at sign-in.
    public var route: RedemptionRoute
    /// The guest declined the consent prompt (the inviting organisation's privacy terms).
    public var consentDeclined: Bool

    public init(
        resourceTenant: Tenant, invitation: Invitation, guest: User, collaborationRestrictions: CollaborationRestrictions,
        home: ExternalHome?, resourceInbound: CrossTenantView?, personalAccount: PersonalAccount?, isConsumerAddress: Bool,
        redemptionConfiguration: RedemptionIdentityProviderConfiguration, route: RedemptionRoute = .emailLink, consentDeclined: Bool = false
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
        self.route = route
        self.consentDeclined = consentDeclined
    }

    public var address: String { invitation.invitedUserEmailAddress.lowercased() }
    public var domain: String { EmailAddress.domain(of: address) ?? "" }
    public var isAlreadyRedeemed: Bool { guest.externalUserState == .accepted }

    /// The identity provider the guest lands on: the primary identity providers in the resource
    /// tenant's configured precedence order (a provider left out of the list is never used), then
    /// the fallback — `defaultConfiguredIdp` (an existing Microsoft account, then email one-time
    /// passcode if enabled, then a new Microsoft account), `emailOneTimePasscode` (always) or
    /// `microsoftAccount` (an existing or new Microsoft account). Microsoft Learn, Graph:
    /// "invitationRedemptionIdentityProviderConfiguration resource type".
    public var path: RedemptionPath {
        for provider in redemptionConfiguration.primaryIdentityProviderPrecedenceOrder {
            switch provider {
            case "azureActiveDirectory":
                if let home, let user = home.user { return .externalAzureAD(homeTenantId: home.tenant.id, homeUserId: user.id) }
            case "externalFederation":
                if let federation = resourceTenant.federations.first(where: { $0.domain == domain }) {
                    return .federation(issuer: federation.issuerUri)
                }
            case "socialIdentityProviders":
                if resourceTenant.googleFederationEnabled && PersonalAccount.isGoogleDomain(domain) { return .google }
            default:
                continue
            }
        }
        let hasMicrosoftAccount = personalAccount != nil || isConsumerAddress
        switch redemptionConfiguration.fallbackIdentityProvider {
        case "emailOneTimePasscode":
            return .emailOneTimePasscode
        case "microsoftAccount":
            return hasMicrosoftAccount ? .microsoftAccount(personalAccount?.id) : .createMicrosoftAccount
        default:
            if hasMicrosoftAccount { return .microsoftAccount(personalAccount?.id) }
            return resourceTenant.emailOneTimePasscodeEnabled ? .emailOneTimePasscode : .createMicrosoftAccount
        }
    }
}
