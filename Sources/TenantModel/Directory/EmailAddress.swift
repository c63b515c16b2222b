/// Validation of `invitedUserEmailAddress` as documented for `POST /invitations` (domain-facts §1.1).
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    public let localPart: String
    public let domain: String

    /// Characters the invitation API does not permit in the address.
    public static let forbiddenCharacters: Set<Character> = [
        "~", "!", "#", "$", "%", "^", "&", "*", "(", ")", "+", "=", "[", "]", "{", "}", "\\", "/", "|",
        ";", ":", "\"", "<", ">", "?", ",",
    ]

    /// Parses and validates an address; `nil` with a reason through ``problem(with:)`` otherwise.
    public init?(_ text: String) {
        guard Self.problem(with: text) == nil else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        localPart = String(parts[0])
        domain = parts[1].lowercased()
    }

    public var description: String { localPart + "@" + domain }
    public var normalized: String { localPart.lowercased() + "@" + domain }

    /// Why `text` is not an acceptable address, or `nil` when it is.
    public static func problem(with text: String) -> String? {
        if text.isEmpty { return "the address is empty" }
        if text.count > 256 { return "the address is longer than 256 characters" }
        if text.contains(where: { $0.isWhitespace }) { return "the address contains whitespace" }
        if let bad = text.first(where: { forbiddenCharacters.contains($0) }) {
            return "the character '\(bad)' is not permitted in an invited address"
        }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return "the address must contain exactly one '@'" }
        let local = parts[0]
        let domain = parts[1]
        if local.isEmpty { return "the part before '@' is empty" }
        if let first = local.first, first == "." || first == "-" { return "the address may not start with '\(first)'" }
        if let last = local.last, last == "." || last == "-" { return "the part before '@' may not end with '\(last)'" }
        if local.contains("..") { return "the address contains '..'" }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count < 2 { return "the domain '\(domain)' has no dot" }
        for label in labels {
            if label.isEmpty { return "the domain '\(domain)' has an empty label" }
            if label.first == "-" || label.last == "-" { return "a domain label may not start or end with '-'" }
            if !label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
                return "the domain '\(domain)' contains characters other than letters, digits and '-'"
            }
        }
        return nil
    }

    /// The domain part of an address, lowercased, without validation.
    public static func domain(of text: String) -> String? {
        guard let at = text.lastIndex(of: "@") else { return nil }
        let domain = text[text.index(after: at)...]
        return domain.isEmpty ? nil : domain.lowercased()
    }
}
