/// `user.creationType`. `nil` on the user means a regular work or school account.
public enum CreationType: String, Codable, Sendable, CaseIterable {
    case invitation = "Invitation"
    case localAccount = "LocalAccount"
    case emailVerified = "EmailVerified"
    case selfServiceSignUp = "SelfServiceSignUp"
}
