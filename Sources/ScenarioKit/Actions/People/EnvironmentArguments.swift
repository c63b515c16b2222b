import TenantModel

/// An environment and, for apps and solutions, what to call the thing made.
struct EnvironmentArguments: Decodable {
    var environment: String
    var name: String?
}
