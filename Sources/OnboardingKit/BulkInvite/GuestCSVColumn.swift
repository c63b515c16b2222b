import Foundation

/// A column of a guests CSV, recognised by the Entra template's bracketed token
/// (`[inviteeEmail]` — whatever the localised text around it) or by a plain header name
/// (`InvitedUserEmailAddress`, `Name`, `givenName`, …).
public enum GuestCSVColumn: String, Sendable, Hashable, CaseIterable {
    case email
    case redirectURL
    case sendEmail
    case message
    case name
    case givenName
    case surname
    case usageLocation
    case maker

    /// The column a header cell names, or `nil` for a column the tool ignores.
    public static func recognise(_ header: String) -> GuestCSVColumn? {
        if let token = bracketedToken(in: header) { return byName[normalise(token)] }
        return byName[normalise(header)]
    }

    /// The `[token]` of a template header (`Email address to invite [inviteeEmail] Required`).
    public static func bracketedToken(in header: String) -> String? {
        guard let open = header.firstIndex(of: "["), let close = header[open...].firstIndex(of: "]") else { return nil }
        let token = header[header.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    /// The headers the tool reads, for messages: template tokens and plain names.
    public static let knownHeaders =
        "[inviteeEmail] or InvitedUserEmailAddress/Email/Mail, [inviteRedirectURL] or RedirectUrl, [sendEmail], [customizedMessageBody] or Message, [inviteeName] or Name/DisplayName, GivenName/FirstName, Surname/LastName, UsageLocation, Maker"

    static func normalise(_ text: String) -> String {
        text.lowercased().filter { $0.isLetter || $0.isNumber }
    }

    static let byName: [String: GuestCSVColumn] = [
        "inviteeemail": .email, "inviteduseremailaddress": .email, "email": .email, "emailaddress": .email, "mail": .email,
        "inviteredirecturl": .redirectURL, "redirecturl": .redirectURL, "redirectionurl": .redirectURL,
        "sendemail": .sendEmail, "sendinvitationmessage": .sendEmail,
        "customizedmessagebody": .message, "customizedmessage": .message, "message": .message,
        "inviteename": .name, "name": .name, "displayname": .name, "inviteduserdisplayname": .name,
        "givenname": .givenName, "firstname": .givenName,
        "surname": .surname, "lastname": .surname, "familyname": .surname,
        "usagelocation": .usageLocation,
        "maker": .maker, "ismaker": .maker, "guestmaker": .maker,
    ]
}
