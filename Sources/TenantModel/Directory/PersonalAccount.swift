/// A personal Microsoft account (MSA) — outlook.com, live.com, hotmail.com and friends, or any
/// address someone registered as an MSA. Such accounts can be B2B guests, but cannot sign in
/// directly to the maker portal (seed: Known limitations 1).
public struct PersonalAccount: Codable, Hashable, Sendable {
    public var id: PersonalAccountID
    public var email: String
    public var displayName: String?

    public init(id: PersonalAccountID, email: String, displayName: String? = nil) {
        self.id = id
        self.email = email.lowercased()
        self.displayName = displayName
    }

    /// Consumer domains whose addresses are always Microsoft accounts.
    public static let consumerDomains: Set<String> = [
        "outlook.com", "hotmail.com", "live.com", "msn.com", "passport.com",
        "outlook.co.uk", "hotmail.co.uk", "live.co.uk", "hotmail.fr", "live.fr", "outlook.fr",
        "hotmail.de", "outlook.de", "live.de", "outlook.jp", "live.jp", "hotmail.it", "outlook.it",
    ]

    public static func isConsumerDomain(_ domain: String) -> Bool {
        consumerDomains.contains(domain.lowercased())
    }

    /// gmail.com / googlemail.com: Google accounts (redemption order step 3 when federated).
    public static func isGoogleDomain(_ domain: String) -> Bool {
        ["gmail.com", "googlemail.com"].contains(domain.lowercased())
    }
}
