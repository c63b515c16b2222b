/// `user.userType`: internal member or external guest.
public enum UserType: String, Codable, Sendable, CaseIterable {
    case member = "Member"
    case guest = "Guest"
}
