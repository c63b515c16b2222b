import TenantModel

/// The identity a guest redeems with, in the documented order (domain-facts §1.5).
public enum RedemptionPath: Sendable, Hashable {
    /// 1. An existing managed Entra account (another tenant of the world).
    case externalAzureAD(homeTenantId: TenantID, homeUserId: UserID)
    /// 2. SAML/WS-Fed federation configured in the resource tenant for the domain.
    case federation(issuer: String)
    /// 3. Google federation (gmail.com / googlemail.com).
    case google
    /// 4. An existing personal Microsoft account.
    case microsoftAccount(PersonalAccountID?)
    /// 6. Email one-time passcode.
    case emailOneTimePasscode
    /// 7. No account and OTP off: the guest creates a Microsoft account.
    case createMicrosoftAccount

    /// The `identities[].issuer` value the guest ends up with.
    public var issuer: String {
        switch self {
        case .externalAzureAD: ObjectIdentity.externalAzureAD
        case .federation(let issuer): issuer
        case .google: ObjectIdentity.google
        case .microsoftAccount, .createMicrosoftAccount: ObjectIdentity.microsoftAccount
        case .emailOneTimePasscode: ObjectIdentity.mail
        }
    }

    /// The `identities[].signInType` value (UNVERIFIED detail: `federated` for external IdPs).
    public var signInType: String {
        self == .emailOneTimePasscode ? "emailAddress" : "federated"
    }

    /// Is the resulting identity a personal Microsoft account?
    public var isMicrosoftAccount: Bool {
        switch self {
        case .microsoftAccount, .createMicrosoftAccount: true
        default: false
        }
    }

    public var summary: String {
        switch self {
        case .externalAzureAD(let tenant, _): "existing Entra account in tenant \(tenant) (ExternalAzureAD)"
        case .federation(let issuer): "SAML/WS-Fed federation (\(issuer))"
        case .google: "Google federation (google.com)"
        case .microsoftAccount: "existing personal Microsoft account (MicrosoftAccount)"
        case .emailOneTimePasscode: "email one-time passcode (mail)"
        case .createMicrosoftAccount: "a new personal Microsoft account created during redemption (MicrosoftAccount)"
        }
    }
}
