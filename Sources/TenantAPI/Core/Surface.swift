import TenantModel

/// Which Microsoft API a request speaks, chosen by its host (or path prefix) and path.
public enum Surface: String, Sendable, Hashable, Codable {
    case graph
    case login
    case adminAPI
    case dataverse
    case control
}
