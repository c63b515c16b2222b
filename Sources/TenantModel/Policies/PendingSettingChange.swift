import Foundation

/// A setting whose new value doesn't apply yet (under the `realistic` consistency profile): until
/// `effectiveAt` the rules still see `previousValue`, while reads show the new one, as in production.
public struct PendingSettingChange: Codable, Hashable, Sendable {
    /// The settings whose changes take time to apply.
    public enum Setting: String, Codable, Sendable, CaseIterable {
        case allowInvitesFrom
        case guestUserRoleId
        case enableGuestsToMake

        /// How long the change takes.
        public var delay: ConsistencyProfile.Delay {
            switch self {
            case .allowInvitesFrom: .inviteSettings
            case .guestUserRoleId: .guestAccessLevel
            case .enableGuestsToMake: .powerPlatformSetting
            }
        }
    }

    /// What Microsoft says of the delay, for explanations.
    public static func documentedDelay(of setting: Setting) -> String {
        switch setting {
        case .allowInvitesFrom: "Microsoft states 15–60 minutes for invite settings"
        case .guestUserRoleId: "Microsoft states up to 15 minutes"
        case .enableGuestsToMake: "Microsoft states no figure; TenantSim takes up to 10 minutes"
        }
    }

    public var tenantId: TenantID
    public var setting: Setting
    /// The value in force until `effectiveAt`, as text (`true`, a role template id, an enum value).
    public var previousValue: String
    public var changedAt: Date
    public var effectiveAt: Date

    public init(tenantId: TenantID, setting: Setting, previousValue: String, changedAt: Date, effectiveAt: Date) {
        self.tenantId = tenantId
        self.setting = setting
        self.previousValue = previousValue
        self.changedAt = changedAt
        self.effectiveAt = effectiveAt
    }
}
