/// What the person is signing in to. The maker portal and the Unified Service Desk client have
/// guest-specific rules.
public enum SignInClient: String, Codable, Sendable, CaseIterable {
    /// make.powerapps.com (and its sovereign twins).
    case makerPortal
    /// A model-driven or canvas app, or the environment URL in a browser.
    case app
    /// The Unified Service Desk desktop client.
    case unifiedServiceDesk
    /// A token request from a script or SDK (ROPC / device code style).
    case token
}
