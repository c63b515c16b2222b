import OnboardingKit
import TenantModel

/// `useFeature: {environment, feature}` — use a customer engagement feature (some refuse guests).
struct UseFeatureAction: ScenarioAction {
    static let name = "useFeature"
    static let performer = ActionCatalog.Definition.Performer.guest
    static let summary =
        "use a customer engagement feature: unifiedServiceDesk, appForOutlook, serverSideSync, approveEmail, createM365Group, postToGroupFromOutlook, postToGroupFromApp or customerVoice"

    struct Arguments: Decodable {
        var environment: String
        var feature: String
    }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let outcome = try await step.outcome {
            try await step.control.useFeature(account: step.account, environment: arguments.environment, feature: arguments.feature)
        }
        let feature = CustomerEngagementFeature(rawValue: arguments.feature)?.displayName ?? arguments.feature
        return ActionReport(outcome, "\(step.account) uses \(feature) in '\(arguments.environment)'")
    }
}
