import TenantModel

/// `policy.cross-tenant.conflicting-targets` — users/groups and applications settings conflict.
public struct CrossTenantConflictingTargetsRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "policy.cross-tenant.conflicting-targets",
        title: "Users-and-groups and applications settings conflict",
        deniesWhen: "a B2B setting blocks all users and groups but not all applications, or the reverse",
        notApplicableWhen: "the change carries no B2B collaboration or direct connect setting",
        source:
            "Microsoft Learn, Entra External ID: \"Configure cross-tenant access settings for B2B collaboration\" (Modify inbound access settings: \"If you block access for all external users and groups, you also need to block access to all your internal applications\"); emulator choice: 400 Request_BadRequest and the text (Microsoft documents the rule in the admin center, not the Graph error)",
        explanation:
            "A B2B setting's users-and-groups part and applications part must agree: blocking all inbound users requires blocking all applications, and the reverse.",
        wire: .graph(400, "Request_BadRequest", "The users and groups setting conflicts with the applications setting.", .emulator))

    public func evaluate(_ context: DirectoryChangeContext) -> RuleOutcome {
        guard let settings = context.proposedCrossTenantSettings, !settings.b2bBlocks.isEmpty else { return .notApplicable() }
        var facts: [Fact] = []
        for (name, setting) in settings.b2bBlocks {
            let conflict = setting.conflict
            facts.append(Fact(name, conflict ?? "consistent"))
            if let conflict {
                return .forbid(
                    facts,
                    explanation:
                        "In \(context.tenant.displayName), \(name): \(conflict). Block (or allow) both users-and-groups and applications together.",
                    message: "Invalid \(name) setting: \(conflict).")
            }
        }
        return .permit(facts)
    }
}
