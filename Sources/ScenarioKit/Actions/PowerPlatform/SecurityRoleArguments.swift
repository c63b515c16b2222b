import TenantModel

/// A user, an environment and a security role's name.
struct SecurityRoleArguments: Decodable {
    var user: String
    var environment: String
    var role: String
}
