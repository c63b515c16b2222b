import TenantModel

/// `b2b.invite.cross-tenant-blocked` — B2B collaboration blocked by the invitee's home outbound
/// settings or the resource tenant's inbound settings.
public struct InviteCrossTenantBlockedRule: Rule {
    public init() {}

    public static let microsoftMessage =
        "This invitation is blocked by cross-tenant access settings. Admins in both your organization and the invited user's organization must configure cross-tenant access settings to allow the invitation."

    public let metadata = RuleMetadata(
        id: "b2b.invite.cross-tenant-blocked",
        title: "Cross-tenant access settings block B2B collaboration with this user",
        deniesWhen:
            "the invitee's home tenant is known and its outbound B2B collaboration settings, or the resource tenant's inbound settings (partner entry, else default), block this user",
        notApplicableWhen: "the invitee's home tenant is not a tenant of the world (a personal account or unknown organisation)",
        source:
            "Microsoft Learn, Entra External ID: \"Troubleshooting Microsoft Entra B2B collaboration\" (Invitation is blocked due to cross-tenant access policies: the message); Microsoft Learn, Entra External ID: \"Cross-tenant access overview\" (inbound and outbound B2B collaboration settings, organizational settings over the defaults); emulator choice: HTTP 400 BadRequest (Microsoft documents the text, not the status or code)",
        explanation:
            "Cross-tenant access settings (B2B collaboration) stop this invitation. Check the inbound settings in the resource tenant and the outbound settings in the guest's home tenant, for the partner organisation and the defaults.",
        wire: .graph(400, "BadRequest", InviteCrossTenantBlockedRule.microsoftMessage, .microsoft))

    public func evaluate(_ context: InvitationContext) -> RuleOutcome {
        guard let home = context.home, let inbound = context.resourceInbound else { return .notApplicable() }
        return CrossTenantCollaborationCheck.evaluate(home: home, resourceInbound: inbound, resource: context.resourceTenant)
    }
}

/// The B2B collaboration check shared by invitation and redemption: outbound in the home tenant,
/// inbound in the resource tenant.
public enum CrossTenantCollaborationCheck {
    public enum Side: String, Sendable { case homeOutbound, resourceInbound }

    /// Which side blocks, if any.
    public static func blockingSide(home: ExternalHome, resourceInbound: CrossTenantView) -> Side? {
        let principals = home.principalIds
        let outbound = home.outbound.effective.b2bCollaborationOutbound ?? .allowAll
        if !outbound.permitsUsers(principalIds: principals) { return .homeOutbound }
        let inbound = resourceInbound.effective.b2bCollaborationInbound ?? .allowAll
        if !inbound.permitsUsers(principalIds: principals) { return .resourceInbound }
        return nil
    }

    public static func evaluate(home: ExternalHome, resourceInbound: CrossTenantView, resource: Tenant) -> RuleOutcome {
        let outbound = home.outbound.effective.b2bCollaborationOutbound?.usersAndGroups
        let inbound = resourceInbound.effective.b2bCollaborationInbound?.usersAndGroups
        let facts = [
            Fact("homeTenant", home.tenant.label),
            Fact("homeTenant.outbound.usersAndGroups", describe(outbound)),
            Fact("homeTenant.outbound.scope", home.outbound.scopeDescription),
            Fact("resourceTenant.inbound.usersAndGroups", describe(inbound)),
            Fact("resourceTenant.inbound.scope", resourceInbound.scopeDescription),
        ]
        switch blockingSide(home: home, resourceInbound: resourceInbound) {
        case nil:
            return .permit(facts)
        case .homeOutbound:
            return .forbid(
                facts,
                explanation:
                    "The guest's HOME tenant \(home.tenant.label) blocks outbound B2B collaboration for this user toward \(resource.displayName) (\(home.outbound.scopeDescription)). Nothing in the resource tenant can fix this: an admin of \(home.tenant.displayName) must allow outbound B2B collaboration (Cross-tenant access settings › Outbound access) for this user or group toward tenant \(resource.id)."
            )
        case .resourceInbound:
            return .forbid(
                facts,
                explanation:
                    "The RESOURCE tenant \(resource.label) blocks inbound B2B collaboration for users of \(home.tenant.displayName) (\(resourceInbound.scopeDescription)). A Global or Security Administrator of \(resource.displayName) must allow inbound B2B collaboration for this user or group (Cross-tenant access settings › Inbound access, organizational setting for tenant \(home.tenant.id) or the default)."
            )
        }
    }

    static func describe(_ configuration: CrossTenantTargetConfiguration?) -> String {
        guard let configuration else { return "allowed (not configured)" }
        let targets = configuration.targets.map(\.target).joined(separator: ", ")
        return "\(configuration.accessType.rawValue): \(targets.isEmpty ? "(no targets)" : targets)"
    }
}
