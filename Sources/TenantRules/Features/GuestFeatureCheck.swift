import TenantModel

/// The shared shape of the customer engagement incompatibilities: the rule guards some features;
/// for guests they are denied, for members permitted; other features are not its business.
enum GuestFeatureCheck {
    static func evaluate(
        _ context: FeatureContext, denied: Set<CustomerEngagementFeature>, permitted: Set<CustomerEngagementFeature> = [], why: String
    ) -> RuleOutcome {
        let facts = [Fact("feature", context.feature.rawValue), Fact("user.userType", context.user.userType.rawValue)]
        guard denied.contains(context.feature) || permitted.contains(context.feature) else { return .notApplicable(facts) }
        if !context.user.isGuest || permitted.contains(context.feature) { return .permit(facts) }
        return .forbid(
            facts,
            explanation:
                "\(context.user.label) is a B2B guest in \(context.tenant.displayName); \(context.feature.displayName) isn't supported for invited users (\(LearnPage.cite(.incompatibilities))). \(why)"
        )
    }
}
