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

extension InvitationContext {
    /// The invitation service answers a token without an invitation permission with its own 401
    /// (microsoftgraph/microsoft-graph-docs-contrib#4228, MicrosoftDocs/azure-docs#58360,
    /// msgraph-sdk-powershell#1274, microsoft/cross-tenant#11), not Graph's usual 403.
    public var permissionMissingWire: WireError? {
        .graph(
            401, "Unauthorized",
            "Insufficient privileges to perform requested operation by the application '00000003-0000-0000-c000-000000000000'. ControllerName=MSGraphInviteAPI, ActionName=CreateInvite, URL absolute path=/api/\(resourceTenant.id.rawValue)/invites",
            .microsoft)
    }
}
