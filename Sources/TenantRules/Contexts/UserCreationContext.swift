import TenantModel

/// `POST /users`: the caller, the tenant and the new member's user principal name.
public struct UserCreationContext: PermissionScoped {
    public var caller: CallerFacts
    public var permission: PermissionRequirement
    public var tenant: Tenant
    public var userPrincipalName: String

    public init(caller: CallerFacts, permission: PermissionRequirement, tenant: Tenant, userPrincipalName: String) {
        self.caller = caller
        self.permission = permission
        self.tenant = tenant
        self.userPrincipalName = userPrincipalName
    }

    /// The part of the UPN after the last `@`, lowercased (empty when there is none).
    public var domain: String {
        guard let at = userPrincipalName.lastIndex(of: "@") else { return "" }
        return String(userPrincipalName[userPrincipalName.index(after: at)...]).lowercased()
    }
}
