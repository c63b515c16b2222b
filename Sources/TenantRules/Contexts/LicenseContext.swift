import TenantModel

/// `POST /users/{id}/assignLicense`: the caller, the target user and each SKU of the request with
/// what the tenant knows about it.
public struct LicenseContext: PermissionScoped {
    /// One SKU named by the request.
    public struct Item: Sendable, Hashable {
        public var skuId: String
        /// The tenant's subscription, `nil` when the tenant has none for this SKU.
        public var sku: SubscribedSku?
        /// The user already holds this licence.
        public var alreadyAssigned: Bool

        public init(skuId: String, sku: SubscribedSku?, alreadyAssigned: Bool) {
            self.skuId = skuId
            self.sku = sku
            self.alreadyAssigned = alreadyAssigned
        }
    }

    public var caller: CallerFacts
    public var permission: PermissionRequirement
    public var tenant: Tenant
    public var target: User
    public var adds: [Item]
    public var removes: [Item]

    public init(caller: CallerFacts, permission: PermissionRequirement, tenant: Tenant, target: User, adds: [Item], removes: [Item]) {
        self.caller = caller
        self.permission = permission
        self.tenant = tenant
        self.target = target
        self.adds = adds
        self.removes = removes
    }
}
