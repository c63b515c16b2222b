/// Which kind of guests CSV a file is.
public enum GuestCSVFormat: String, Sendable, Hashable {
    /// The Entra admin center bulk-invite template: a `version:v1.0` line, headers with bracketed
    /// tokens, an example row (domain-facts §10.1).
    case entraTemplate
    /// The PowerShell sample's two columns, `Name` and `InvitedUserEmailAddress` (§10.2).
    case powerShell
    /// Any other CSV with a header row naming an email column.
    case headerRow
}
