import TenantModel

/// `b2b.invite.cross-cloud-not-enabled` — the invitee's home tenant is in another Microsoft (Entra)
/// cloud and cross-cloud B2B is not set up on both sides.
public struct InviteCrossCloudNotEnabledRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "b2b.invite.cross-cloud-not-enabled",
        title: "B2B across Microsoft clouds is not enabled on both sides",
        deniesWhen:
            "the invitee's home tenant is in another Microsoft cloud and the pair is not enabled on BOTH sides (Microsoft cloud settings + partner entry by tenant id), or the pair is Government ↔ China (never supported)",
        notApplicableWhen: "the invitee's home tenant is unknown or in the same Entra cloud (commercial and GCC share one)",
        source:
            "Microsoft Learn, Entra External ID: \"Enable B2B collaboration across Microsoft clouds\" (both organizations enable the other's cloud in Microsoft cloud settings and add each other by tenant ID); Microsoft Learn, Entra External ID: \"Microsoft Entra B2B in government and national clouds\" (B2B collaboration across Microsoft clouds: global with Azure Government, and global with 21Vianet); emulator choice: error code and text (Microsoft documents the condition, not the error it answers with)",
        explanation:
            "Both tenants must enable the other's Microsoft cloud (Cross-tenant access settings › Microsoft cloud settings) and add each other as an organization by tenant id.",
        wire: .graph(
            400, "BadRequest",
            "B2B collaboration with a tenant in another Microsoft cloud is not enabled in both organizations' cross-tenant access settings.",
            .emulator))

    public func evaluate(_ context: InvitationContext) -> RuleOutcome {
        guard let home = context.home, let resourceView = context.resourceInbound else { return .notApplicable() }
        return CrossCloudCheck.evaluate(resource: context.resourceTenant, resourceView: resourceView, home: home)
    }
}

/// The cross-cloud B2B check shared by invitation and sign-in explanations.
public enum CrossCloudCheck {
    public static func evaluate(resource: Tenant, resourceView: CrossTenantView, home: ExternalHome) -> RuleOutcome {
        let resourceCloud = resource.cloud.entraCloud
        let homeCloud = home.tenant.cloud.entraCloud
        var facts = [
            Fact("resourceTenant.entraCloud", resourceCloud.rawValue),
            Fact("homeTenant.entraCloud", homeCloud.rawValue),
        ]
        guard resourceCloud != homeCloud else { return .notApplicable(facts) }
        guard resourceCloud.canCollaborate(with: homeCloud) else {
            return .forbid(
                facts,
                explanation:
                    "B2B collaboration between \(homeCloud.displayName) and \(resourceCloud.displayName) is not supported at all: Microsoft cloud settings connect commercial with Azure Government and commercial with 21Vianet, never Government with China. Create an account for this person in \(resource.displayName) instead."
            )
        }
        var missing: [String] = []
        if !resourceView.enablesCloud(homeCloud) {
            missing.append("in the RESOURCE tenant \(resource.displayName): enable '\(homeCloud.cloudEndpoint)' under Microsoft cloud settings")
        }
        if !resourceView.hasPartnerEntry {
            missing.append("in the RESOURCE tenant \(resource.displayName): add tenant \(home.tenant.id) as an organization")
        }
        if !home.outbound.enablesCloud(resourceCloud) {
            missing.append("in the HOME tenant \(home.tenant.displayName): enable '\(resourceCloud.cloudEndpoint)' under Microsoft cloud settings")
        }
        if !home.outbound.hasPartnerEntry {
            missing.append("in the HOME tenant \(home.tenant.displayName): add tenant \(resource.id) as an organization")
        }
        facts.append(Fact("missing", missing.isEmpty ? "(nothing)" : missing.joined(separator: "; ")))
        if missing.isEmpty { return .permit(facts) }
        return .forbid(
            facts,
            explanation:
                "\(home.tenant.displayName) is in \(homeCloud.displayName) and \(resource.displayName) in \(resourceCloud.displayName). Cross-cloud B2B needs Microsoft cloud settings and an organizational entry (by tenant id) on BOTH sides. Still missing: "
                + missing.joined(separator: "; ") + ".")
    }
}
