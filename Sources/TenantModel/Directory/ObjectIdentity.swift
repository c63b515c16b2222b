/// One entry of `user.identities`: how the user signs in.
public struct ObjectIdentity: Codable, Hashable, Sendable {
    public var signInType: String
    public var issuer: String
    public var issuerAssignedId: String?

    public init(signInType: String, issuer: String, issuerAssignedId: String?) {
        self.signInType = signInType
        self.issuer = issuer
        self.issuerAssignedId = issuerAssignedId
    }

    /// Issuer values for redeemed guests (domain-facts §1.5).
    public static let externalAzureAD = "ExternalAzureAD"
    public static let microsoftAccount = "MicrosoftAccount"
    public static let mail = "mail"
    public static let google = "google.com"
}
