/// Why a guests CSV can't be read at all (a bad row is reported per row instead).
public enum GuestCSVError: Error, Sendable, Hashable, CustomStringConvertible {
    case cannotOpen(String)
    case empty(String)
    case noEmailColumn(header: [String])
    case unreadable(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path): "Can't open \(path)."
        case .empty(let path): "\(path) has no header row."
        case .noEmailColumn(let header):
            "No email column in the header (\(header.joined(separator: ", "))): expected the Entra template's [inviteeEmail], the PowerShell sample's InvitedUserEmailAddress, or Email. The headers bulk-invite reads: \(GuestCSVColumn.knownHeaders)."
        case .unreadable(let reason): "The CSV can't be read: \(reason)."
        }
    }
}
