/// `crossTenantAccessPolicyB2BSetting`: who (users and groups) may reach which applications.
public struct CrossTenantB2BSetting: Codable, Hashable, Sendable {
    public var usersAndGroups: CrossTenantTargetConfiguration?
    public var applications: CrossTenantTargetConfiguration?

    public init(usersAndGroups: CrossTenantTargetConfiguration?, applications: CrossTenantTargetConfiguration?) {
        self.usersAndGroups = usersAndGroups
        self.applications = applications
    }

    public static let allowAll = CrossTenantB2BSetting(
        usersAndGroups: .init(accessType: .allowed, targets: [.allUsers]),
        applications: .init(accessType: .allowed, targets: [.allApplications]))
    public static let blockAll = CrossTenantB2BSetting(
        usersAndGroups: .init(accessType: .blocked, targets: [.allUsers]),
        applications: .init(accessType: .blocked, targets: [.allApplications]))

    /// Whether the users-and-groups part lets these principals through (absent = allowed).
    public func permitsUsers(principalIds: Set<String>) -> Bool {
        usersAndGroups?.permits(principalIds: principalIds) ?? true
    }

    /// Whether the applications part lets this application through (absent = allowed).
    public func permitsApplication(_ appId: String?) -> Bool {
        guard let applications else { return true }
        return applications.permits(principalIds: appId.map { [$0] } ?? [])
    }

    /// A setting conflicts when it blocks all users but allows all applications or vice versa
    /// (domain-facts §5.1: "blocking all inbound users requires blocking all apps").
    public var conflict: String? {
        guard let users = usersAndGroups, let apps = applications else { return nil }
        if users.blocksAll && !apps.blocksAll { return "all users and groups are blocked but applications are not" }
        if apps.blocksAll && !users.blocksAll { return "all applications are blocked but users and groups are not" }
        return nil
    }
}
