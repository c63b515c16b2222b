import TenantModel

/// `PATCH /users/{id}`: caller, target (with its directory roles) and the patch.
public struct UserUpdateContext: PermissionScoped {
    public var caller: CallerFacts
    public var permission: PermissionRequirement
    public var tenant: Tenant
    public var target: User
    public var targetRoleIds: Set<String>
    public var patch: UserPatch

    public init(
        caller: CallerFacts, permission: PermissionRequirement, tenant: Tenant, target: User, targetRoleIds: Set<String>,
        patch: UserPatch
    ) {
        self.caller = caller
        self.permission = permission
        self.tenant = tenant
        self.target = target
        self.targetRoleIds = targetRoleIds
        self.patch = patch
    }
}
