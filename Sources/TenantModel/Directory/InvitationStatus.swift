/// `invitation.status`.
public enum InvitationStatus: String, Codable, Sendable, CaseIterable {
    case pendingAcceptance = "PendingAcceptance"
    case completed = "Completed"
    case inProgress = "InProgress"
    case error = "Error"
}
