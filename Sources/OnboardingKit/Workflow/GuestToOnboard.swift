import Foundation

/// One guest of an onboarding run: the address and the profile to set.
public struct GuestToOnboard: Sendable, Hashable {
    public var email: String
    public var displayName: String?
    public var givenName: String?
    public var surname: String?
    public var usageLocation: String?
    /// Run the guest-maker track for this guest (in addition to the plan's `maker`).
    public var maker: Bool

    public init(
        email: String, displayName: String? = nil, givenName: String? = nil, surname: String? = nil, usageLocation: String? = nil,
        maker: Bool = false
    ) {
        self.email = email.trimmingCharacters(in: .whitespacesAndNewlines)
        self.displayName = displayName
        self.givenName = givenName
        self.surname = surname
        self.usageLocation = usageLocation
        self.maker = maker
    }

    /// A guest from a guests CSV row: the email, name (split into given name and surname when
    /// those columns are absent), usage location and maker columns.
    public init(row: GuestCSVRow) {
        let name = row[.name]
        var given = row[.givenName]
        var surname = row[.surname]
        if given == nil, surname == nil, let name {
            let words = name.split(separator: " ", omittingEmptySubsequences: true)
            if words.count >= 2 {
                given = String(words[0])
                surname = words.dropFirst().joined(separator: " ")
            }
        }
        let maker = row[.maker].map { ["true", "yes", "1", "y", "x"].contains($0.lowercased()) } ?? false
        self.init(
            email: row[.email] ?? "", displayName: name ?? [given, surname].compactMap { $0 }.joined(separator: " ").nonEmpty, givenName: given,
            surname: surname, usageLocation: row[.usageLocation]?.uppercased(), maker: maker)
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
