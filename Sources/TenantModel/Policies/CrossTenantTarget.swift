/// A target of a cross-tenant access setting: an object id or a keyword such as `AllUsers`.
public struct CrossTenantTarget: Codable, Hashable, Sendable {
    public var target: String
    /// `user`, `group` or `application`.
    public var targetType: String

    public init(target: String, targetType: String) {
        self.target = target
        self.targetType = targetType
    }

    public static let allUsers = CrossTenantTarget(target: "AllUsers", targetType: "user")
    public static let allApplications = CrossTenantTarget(target: "AllApplications", targetType: "application")

    /// Does this target name every user / every application?
    public var isAll: Bool { ["AllUsers", "AllApplications"].contains(target) }
}
