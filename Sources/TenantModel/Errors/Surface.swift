/// Which wire protocol a request speaks, and so the shape its errors take: chosen by the request's
/// host (or path prefix) and path, or — for a ``TenantError`` that always answers one way (a token
/// error) — by the error itself.
public enum Surface: String, Sendable, Hashable, Codable {
    /// Microsoft Graph envelope `{"error":{"code","message","innerError"}}`.
    case graph
    /// Entra's login endpoints: the OAuth body `{"error","error_description":"AADSTSnnnn: …","error_codes"}`.
    case login
    /// Power Platform admin (BAP) API `{"error":{"code","message"}}`.
    case adminAPI
    /// Dataverse Web API `{"error":{"code","message"}}`.
    case dataverse
    /// TenantSim's own control API (Graph's envelope).
    case control
    /// Azure Resource Manager `{"error":{"code","message"}}` (subscriptions and tenants, for `az login`).
    case azureResourceManager
}
