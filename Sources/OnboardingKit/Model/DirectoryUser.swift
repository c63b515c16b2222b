/// The user properties onboarding reads (Graph `user`, domain-facts §2.1).
public struct DirectoryUser: Decodable, Sendable, Hashable {
    public var id: String
    public var userPrincipalName: String?
    public var displayName: String?
    public var givenName: String?
    public var surname: String?
    public var mail: String?
    public var usageLocation: String?
    public var userType: String?
    /// `PendingAcceptance`, `Accepted`, or `nil` for users who weren't invited.
    public var externalUserState: String?
    public var assignedLicenses: [AssignedLicense]?
    /// How the guest signs in (`issuer` `MicrosoftAccount`, `ExternalAzureAD`, `mail`…).
    public var identities: [Identity]?

    /// One `identities` entry.
    public struct Identity: Decodable, Sendable, Hashable {
        public var signInType: String?
        public var issuer: String?
    }

    /// One `assignedLicenses` entry.
    public struct AssignedLicense: Decodable, Sendable, Hashable {
        public var skuId: String
    }

    /// The `$select` list that fills every property above.
    public static let selectList =
        "id,userPrincipalName,displayName,givenName,surname,mail,usageLocation,userType,externalUserState,assignedLicenses,identities"

    /// Whether the guest redeemed with a personal Microsoft account.
    public var signsInWithMicrosoftAccount: Bool {
        (identities ?? []).contains { $0.issuer?.lowercased() == "microsoftaccount" }
    }

    /// Whether this is a guest who hasn't redeemed the invitation yet.
    public var isPendingGuest: Bool { externalUserState?.lowercased() == "pendingacceptance" }

    /// Whether the user holds `skuId` (direct or inherited).
    public func holds(skuId: String) -> Bool {
        (assignedLicenses ?? []).contains { $0.skuId.lowercased() == skuId.lowercased() }
    }
}
