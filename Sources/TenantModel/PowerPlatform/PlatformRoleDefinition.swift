/// A built-in role of Power Platform's role-based access control (the Power Platform API's
/// `authorization/roleDefinitions`). Ids and names as in Microsoft Learn, "Tutorial: Assign
/// role-based access control roles" (programmability-tutorial-rbac-role-assignment).
public struct PlatformRoleDefinition: Hashable, Sendable {
    public let id: String
    public let name: String
    /// Whether a holder may assign roles at the scope (Owner, RBAC Administrator).
    public let canAssignRoles: Bool
    /// What the role allows, in the API's permission words (TenantSim's summary).
    public let permissions: [String]

    public static let owner = PlatformRoleDefinition(
        id: "0cb07c69-1631-4725-ab35-e59e001c51ea", name: "Power Platform owner", canAssignRoles: true, permissions: ["*"])
    public static let contributor = PlatformRoleDefinition(
        id: "ff954d61-a89a-4fbe-ace9-01c367b89f87", name: "Power Platform contributor", canAssignRoles: false, permissions: ["*/read", "*/write"])
    public static let reader = PlatformRoleDefinition(
        id: "c886ad2e-27f7-4874-8381-5849b8d8a090", name: "Power Platform reader", canAssignRoles: false, permissions: ["*/read"])
    public static let rbacAdministrator = PlatformRoleDefinition(
        id: "95e94555-018c-447b-8691-bdac8e12211e", name: "Power Platform role based access control administrator", canAssignRoles: true,
        permissions: ["Microsoft.PowerPlatform/authorization/*"])

    public static let all: [PlatformRoleDefinition] = [owner, contributor, reader, rbacAdministrator]

    public static func find(_ id: String) -> PlatformRoleDefinition? { all.first { $0.id == id.lowercased() } }
}
