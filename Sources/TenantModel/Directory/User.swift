import Foundation

/// A user object in one tenant: a member (work account) or a guest (B2B collaboration user).
///
/// Guests keep a link to the account they redeemed with (`homeTenantId`/`homeUserId` for another
/// Entra tenant of the world, `personalAccountId` for a Microsoft account) so sign-in and licence
/// rules can find their home.
public struct User: Codable, Hashable, Sendable {
    public var id: UserID
    public var tenantId: TenantID
    public var userPrincipalName: String
    public var displayName: String?
    public var givenName: String?
    public var surname: String?
    public var mail: String?
    public var mailNickname: String?
    public var otherMails: [String]
    public var userType: UserType
    public var creationType: CreationType?
    public var externalUserState: ExternalUserState?
    public var externalUserStateChangeDateTime: Date?
    public var identities: [ObjectIdentity]
    public var usageLocation: String?
    public var accountEnabled: Bool
    public var companyName: String?
    public var jobTitle: String?
    public var createdDateTime: Date
    /// Set when the user is deleted (soft delete: the object stays, sign-in and sync stop).
    public var deletedDateTime: Date?
    /// For guests redeemed with an Entra account of the world: that account's tenant and object id.
    public var homeTenantId: TenantID?
    public var homeUserId: UserID?
    /// For guests redeemed with (or created as) a personal Microsoft account.
    public var personalAccountId: PersonalAccountID?
    /// Who invited the guest (the default sponsor): a user id or an application id.
    public var invitedBy: String?
    /// Profile properties TenantSim keeps but no rule reads (`department`, `employeeId`,
    /// `officeLocation`…), by their Graph names, as last written.
    public var profile: [String: JSONValue]

    public init(
        id: UserID, tenantId: TenantID, userPrincipalName: String, displayName: String? = nil,
        givenName: String? = nil, surname: String? = nil, mail: String? = nil, mailNickname: String? = nil,
        otherMails: [String] = [], userType: UserType = .member, creationType: CreationType? = nil,
        externalUserState: ExternalUserState? = nil, externalUserStateChangeDateTime: Date? = nil,
        identities: [ObjectIdentity] = [], usageLocation: String? = nil, accountEnabled: Bool = true,
        companyName: String? = nil, jobTitle: String? = nil, createdDateTime: Date, deletedDateTime: Date? = nil,
        homeTenantId: TenantID? = nil, homeUserId: UserID? = nil, personalAccountId: PersonalAccountID? = nil,
        invitedBy: String? = nil, profile: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.tenantId = tenantId
        self.userPrincipalName = userPrincipalName
        self.displayName = displayName
        self.givenName = givenName
        self.surname = surname
        self.mail = mail
        self.mailNickname = mailNickname
        self.otherMails = otherMails
        self.userType = userType
        self.creationType = creationType
        self.externalUserState = externalUserState
        self.externalUserStateChangeDateTime = externalUserStateChangeDateTime
        self.identities = identities
        self.usageLocation = usageLocation
        self.accountEnabled = accountEnabled
        self.companyName = companyName
        self.jobTitle = jobTitle
        self.createdDateTime = createdDateTime
        self.deletedDateTime = deletedDateTime
        self.homeTenantId = homeTenantId
        self.homeUserId = homeUserId
        self.personalAccountId = personalAccountId
        self.invitedBy = invitedBy
        self.profile = profile
    }

    public var isGuest: Bool { userType == .guest }
    /// An external user of this tenant: a guest, or someone invited (or redeemed) as a member.
    public var isExternal: Bool { isGuest || creationType == .invitation || homeUserId != nil || personalAccountId != nil }
    public var isDeleted: Bool { deletedDateTime != nil }
    /// A guest created by invitation who has not redeemed yet.
    public var isPendingGuest: Bool { externalUserState == .pendingAcceptance }

    /// The external identity the guest redeemed with, if any (`ExternalAzureAD`, `MicrosoftAccount`,
    /// `mail`, `google.com` or a federation issuer).
    public var externalIdentityIssuer: String? {
        identities.first { $0.signInType != "userPrincipalName" }?.issuer
    }

    /// The address the user is known by for invitations: `mail`, else the UPN.
    public var contactAddress: String { (mail ?? userPrincipalName).lowercased() }

    /// `Display Name <upn>` for explanations.
    public var label: String {
        if let name = displayName, !name.isEmpty { return "\(name) (\(mail ?? userPrincipalName))" }
        return mail ?? userPrincipalName
    }

    /// A user created by an invitation to `address`: the `#EXT#` UPN of the resource tenant, the
    /// address as mail and other mail, and the UPN identity; not yet redeemed unless `state` says so.
    public static func invited(
        id: UserID, tenant: Tenant, address: String, displayName: String, userType: UserType, state: ExternalUserState = .pendingAcceptance,
        now: Date, invitedBy: String?
    ) -> User {
        let upn = guestUserPrincipalName(email: address, initialDomain: tenant.initialDomain)
        return User(
            id: id, tenantId: tenant.id, userPrincipalName: upn, displayName: displayName, mail: address,
            mailNickname: guestMailNickname(email: address), otherMails: [address], userType: userType, creationType: .invitation,
            externalUserState: state, externalUserStateChangeDateTime: now,
            identities: [ObjectIdentity(signInType: "userPrincipalName", issuer: tenant.initialDomain, issuerAssignedId: upn)],
            accountEnabled: true, createdDateTime: now, invitedBy: invitedBy)
    }

    /// The `#EXT#` UPN Entra mints for a guest: `pat_fabrikam.com#EXT#@contoso.onmicrosoft.com`.
    public static func guestUserPrincipalName(email: String, initialDomain: String) -> String {
        email.lowercased().replacingOccurrences(of: "@", with: "_") + "#EXT#@" + initialDomain
    }

    /// The guest mailNickname: `pat_fabrikam.com#EXT#`.
    public static func guestMailNickname(email: String) -> String {
        email.lowercased().replacingOccurrences(of: "@", with: "_") + "#EXT#"
    }
}
