import TenantModel

/// The writable properties of `POST /users`: a member account of the tenant.
public struct UserDraft: Sendable, Hashable, Codable {
    public var userPrincipalName: String
    public var displayName: String
    public var mailNickname: String
    public var accountEnabled: Bool
    /// The initial password (`passwordProfile.password`); it lets the user sign in with the
    /// resource owner password grant, as fixture users with a `password:` can.
    public var password: String
    public var givenName: String?
    public var surname: String?
    public var usageLocation: String?

    public init(
        userPrincipalName: String, displayName: String, mailNickname: String, accountEnabled: Bool, password: String, givenName: String? = nil,
        surname: String? = nil, usageLocation: String? = nil
    ) {
        self.userPrincipalName = userPrincipalName
        self.displayName = displayName
        self.mailNickname = mailNickname
        self.accountEnabled = accountEnabled
        self.password = password
        self.givenName = givenName
        self.surname = surname
        self.usageLocation = usageLocation
    }
}
