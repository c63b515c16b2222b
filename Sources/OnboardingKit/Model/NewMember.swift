import Foundation

/// A `POST /users` body: a member account on one of the tenant's verified domains. Unset
/// properties are left out.
public struct NewMember: Encodable, Sendable, Hashable {
    public var accountEnabled: Bool
    public var displayName: String
    public var mailNickname: String
    public var userPrincipalName: String
    public var passwordProfile: PasswordProfile
    public var givenName: String?
    public var surname: String?
    public var usageLocation: String?

    /// `passwordProfile`: the first password, to be changed at the next sign-in.
    public struct PasswordProfile: Encodable, Sendable, Hashable {
        public var password: String
        public var forceChangePasswordNextSignIn: Bool
    }

    /// A member named after the UPN's local part unless `displayName` says otherwise; the mail
    /// nickname keeps the local part's letters, digits, `.`, `_` and `-`.
    public init(
        userPrincipalName: String, displayName: String? = nil, password: String, accountEnabled: Bool = true, givenName: String? = nil,
        surname: String? = nil, usageLocation: String? = nil
    ) {
        let local = String(userPrincipalName.split(separator: "@").first ?? "")
        self.userPrincipalName = userPrincipalName
        self.displayName = displayName ?? local.capitalized
        self.mailNickname = local.filter { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" }
        self.passwordProfile = PasswordProfile(password: password, forceChangePasswordNextSignIn: true)
        self.accountEnabled = accountEnabled
        self.givenName = givenName
        self.surname = surname
        self.usageLocation = usageLocation
    }
}
