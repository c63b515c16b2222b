/// Who performs an operation.
///
/// Graph callers come in two kinds: an application acting as itself (app-only, its `roles`) and a
/// signed-in user acting through a client (delegated, its `scp`). A delegated caller's effective
/// rights are the intersection of the token's scopes and the user's directory roles; TenantSim
/// reads the roles from the tenant, never from the caller.
public enum Caller: Hashable, Sendable, Codable, CustomStringConvertible {
    /// An application with the application permissions its token carries.
    case application(appId: AppID, tenantId: TenantID, permissions: Set<String>)
    /// A user, with the delegated scopes of its token; `nil` scopes means an interactive admin
    /// portal session, where only directory roles limit what the user can do.
    case user(userId: UserID, tenantId: TenantID, scopes: Set<String>?)
    /// TenantSim itself, building a world from fixtures. Rules about who may act don't apply to it;
    /// rules about what is valid still do.
    case system

    public var tenantId: TenantID? {
        switch self {
        case .application(_, let tenant, _), .user(_, let tenant, _): tenant
        case .system: nil
        }
    }

    /// Portal-style user: scopes unrestricted.
    public static func portal(_ userId: UserID, in tenantId: TenantID) -> Caller {
        .user(userId: userId, tenantId: tenantId, scopes: nil)
    }

    public var isAppOnly: Bool { if case .application = self { true } else { false } }

    /// Id used as the journal actor and sponsor.
    public var principalId: String {
        switch self {
        case .application(let appId, _, _): appId.rawValue
        case .user(let userId, _, _): userId.rawValue
        case .system: "tenantsim"
        }
    }

    public var description: String {
        switch self {
        case .application(let appId, _, _): "app \(appId)"
        case .user(let userId, _, _): "user \(userId)"
        case .system: "tenantsim"
        }
    }
}
