/// `user.externalUserState` — no space in `PendingAcceptance` on the wire (domain-facts §2.1).
public enum ExternalUserState: String, Codable, Sendable, CaseIterable {
    case pendingAcceptance = "PendingAcceptance"
    case accepted = "Accepted"
}
