import TenantModel

/// `pp.app.not-shared` — a canvas app runs only for its owner and the people it is shared with.
public struct AppNotSharedRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "pp.app.not-shared",
        title: "The canvas app is not shared with the user",
        deniesWhen: "someone other than the owner runs a canvas app that is not shared with them",
        notApplicableWhen: "never: every run checks sharing",
        source:
            "Microsoft Learn, Power Apps: \"Share a canvas app with guest users\" (Steps to grant guest access, and Considerations and limitations for guest access: guests get the User or Co-owner role); emulator choice: error code and text (Microsoft documents sharing, not what an unshared user gets)",
        explanation: "Guests (and members) can run a canvas app once its owner shares it with them (User or Co-owner).",
        wire: .adminAPI(403, "AppNotShared", "You don't have access to this app. Ask the app owner to share it with you."))

    public func evaluate(_ context: RunAppContext) -> RuleOutcome {
        let facts = [Fact("app", context.app.name), Fact("app.sharedWithUser", context.isOwnerOrShared)]
        if context.isOwnerOrShared { return .permit(facts) }
        return .forbid(
            facts,
            explanation:
                "'\(context.app.name)' is not shared with \(context.user.label). Its owner in \(context.tenant.displayName) must share it (Share › add the guest as User or Co-owner)."
        )
    }
}
