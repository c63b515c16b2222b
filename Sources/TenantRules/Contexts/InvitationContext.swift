import TenantModel

/// Everything the invitation rules read: caller, resource tenant and its policies, the request, the
/// existing user with that address (if any), and the invitee's home tenant (if it is in the world).
public struct InvitationContext: PermissionScoped {
    public var caller: CallerFacts
    public var permission: PermissionRequirement
    public var resourceTenant: Tenant
    public var authorizationPolicy: AuthorizationPolicy
    public var collaborationRestrictions: CollaborationRestrictions
    public var request: InvitationRequest
    /// A user of the resource tenant already known by the invited address (member or guest).
    public var existingUser: User?
    /// The invitee's home tenant and its outbound view, when the domain belongs to a world tenant.
    public var home: ExternalHome?
    /// The resource tenant's view toward the invitee's home tenant (when known).
    public var resourceInbound: CrossTenantView?
    /// For `resetRedemption`: the user being reset and the directory roles it holds.
    public var resetTarget: User?
    public var resetTargetRoleIds: Set<String>

    public init(
        caller: CallerFacts, permission: PermissionRequirement, resourceTenant: Tenant,
        authorizationPolicy: AuthorizationPolicy, collaborationRestrictions: CollaborationRestrictions,
        request: InvitationRequest, existingUser: User? = nil, home: ExternalHome? = nil,
        resourceInbound: CrossTenantView? = nil, resetTarget: User? = nil, resetTargetRoleIds: Set<String> = []
    ) {
        self.caller = caller
        self.permission = permission
        self.resourceTenant = resourceTenant
        self.authorizationPolicy = authorizationPolicy
        self.collaborationRestrictions = collaborationRestrictions
        self.request = request
        self.existingUser = existingUser
        self.home = home
        self.resourceInbound = resourceInbound
        self.resetTarget = resetTarget
        self.resetTargetRoleIds = resetTargetRoleIds
    }

    /// The address being invited, when the request carries a non-empty one. (A reset without an
    /// address keeps the target's; the flow uses it for the invitation itself.)
    public var invitedAddress: String? {
        if let address = request.invitedUserEmailAddress, !address.isEmpty { return address }
        return nil
    }

    public var inviteeDomain: String? { invitedAddress.flatMap(EmailAddress.domain(of:)) }
}
