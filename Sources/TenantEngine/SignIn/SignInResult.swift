import TenantModel

/// A successful sign-in: which user object in which tenant, and notes (e.g. just-in-time redemption).
public struct SignInResult: Sendable, Hashable {
    public var tenantId: TenantID
    public var user: User
    public var notes: [String]
}
