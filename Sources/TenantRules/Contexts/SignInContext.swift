import TenantModel

/// What the sign-in rules read: who signs in, to which tenant (or none chosen), through which
/// cloud's authority and client, and the user object found in the target tenant.
public struct SignInContext: Sendable {
    /// What kind of account the typed name resolves to.
    public enum AccountKind: Sendable, Hashable {
        /// A work account whose home is this tenant of the world.
        case workAccount(home: Tenant, user: User)
        /// A personal Microsoft account.
        case personalMicrosoftAccount
        /// An address with no account anywhere in the world.
        case unknown
    }

    public var account: String
    public var accountKind: AccountKind
    /// The tenant signed in to; `nil` when no tenant was chosen (the common endpoint).
    public var targetTenant: Tenant?
    /// The Entra cloud whose authority was used; `nil` when not known (a local authority).
    public var authorityCloud: EntraCloud?
    public var client: SignInClient
    /// The user object for this account in the target tenant (member or guest), if any.
    public var userInTarget: User?
    /// The guest's identity provider in the target tenant, if redeemed.
    public var clientAppId: String?

    public init(
        account: String, accountKind: AccountKind, targetTenant: Tenant?, authorityCloud: EntraCloud?,
        client: SignInClient, userInTarget: User?, clientAppId: String? = nil
    ) {
        self.account = account
        self.accountKind = accountKind
        self.targetTenant = targetTenant
        self.authorityCloud = authorityCloud
        self.client = client
        self.userInTarget = userInTarget
        self.clientAppId = clientAppId
    }

    /// The identity provider name used in AADSTS50020 (`live.com` for MSA).
    public var identityProviderName: String {
        switch accountKind {
        case .workAccount(let home, _): "https://sts.windows.net/\(home.id)/"
        case .personalMicrosoftAccount: "live.com"
        case .unknown: "unknown"
        }
    }

    public var isPersonalAccount: Bool { accountKind == .personalMicrosoftAccount }
}
