import TenantModel

/// What the rules know about the caller: kind, granted permissions and (for users) the directory
/// roles the user holds in the tenant being acted on.
public struct CallerFacts: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case application
        case user
        case system
    }

    public var kind: Kind
    public var id: String
    public var name: String
    /// Granted Graph permissions: app roles (app-only) or scopes (delegated). `nil` means
    /// unrestricted: an interactive portal session or TenantSim itself.
    public var permissions: Set<String>?
    /// Directory role template ids the user holds in the tenant acted on.
    public var roleIds: Set<String>
    /// `Member` or `Guest` for user callers.
    public var userType: UserType?
    /// For applications: registered as a Power Platform management app.
    public var powerPlatformManagementApp: Bool

    public init(
        kind: Kind, id: String, name: String, permissions: Set<String>?, roleIds: Set<String> = [], userType: UserType? = nil,
        powerPlatformManagementApp: Bool = false
    ) {
        self.kind = kind
        self.id = id
        self.name = name
        self.permissions = permissions
        self.roleIds = roleIds
        self.userType = userType
        self.powerPlatformManagementApp = powerPlatformManagementApp
    }

    public static let system = CallerFacts(kind: .system, id: "tenantsim", name: "TenantSim world loader", permissions: nil)

    public var isSystem: Bool { kind == .system }
    public var isApplication: Bool { kind == .application }
    public var isUser: Bool { kind == .user }

    /// Whether any of `accepted` is granted (always true when unrestricted).
    public func holdsAnyPermission(_ accepted: [String]) -> Bool {
        guard let permissions else { return true }
        return accepted.contains { permissions.contains($0) }
    }

    public func holdsAnyRole(_ roles: [DirectoryRoleTemplate]) -> Bool {
        roles.contains { roleIds.contains($0.id) }
    }

    /// Role names for explanations.
    public var roleNames: [String] { roleIds.sorted().map(DirectoryRoleTemplate.displayName(of:)) }

    public var permissionSummary: String {
        guard let permissions else { return "(unrestricted)" }
        return permissions.isEmpty ? "(none)" : permissions.sorted().joined(separator: ", ")
    }

    public var roleSummary: String { roleNames.isEmpty ? "(no directory roles)" : roleNames.joined(separator: ", ") }

    /// Facts every actor rule reports.
    public var facts: [Fact] {
        var facts = [Fact("caller.kind", kind.rawValue), Fact("caller.id", id)]
        if kind != .system { facts.append(Fact("caller.permissions", permissionSummary)) }
        if kind == .user {
            facts.append(Fact("caller.roles", roleSummary))
            facts.append(Fact("caller.userType", optional: userType?.rawValue))
        }
        return facts
    }
}
