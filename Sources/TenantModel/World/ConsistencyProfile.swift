import Foundation

/// How quickly the world's changes become visible. `immediate` is TenantSim's original behaviour:
/// every object and change applies at once. `realistic` reproduces what onboarding scripts meet in
/// production — Microsoft Entra ID is eventually consistent, and Dataverse adds users by a
/// background sync — with delays drawn from a seeded distribution, so the same seed always gives
/// the same outcome.
public enum ConsistencyProfile: String, Codable, Sendable, CaseIterable {
    case immediate
    case realistic

    /// What is delayed, each with its bounds.
    public enum Delay: String, Sendable, CaseIterable {
        /// A new guest (from an invitation) or a new group reaching the replicas Graph reads from.
        /// Bounds: Graph SDK issue threads report a few seconds to tens of seconds, "up to a minute
        /// or two" at worst (microsoftgraph/msgraph-sdk-java#2575, msgraph-sdk-dotnet#2772,
        /// microsoft-graph-docs#15839); Microsoft publishes no replication SLA
        /// (msgraph-bicep-types#193). TenantSim draws 2–60 s.
        case replication
        /// A licensed member of an environment's security group appearing as a Dataverse
        /// `systemuser` through the background sync, unless an admin forces it (addUser) or the
        /// user signs in first (just-in-time). Microsoft Learn ("Add users to an environment
        /// automatically or manually"; finance and operations "Authentication and authorization":
        /// "can take up to an hour") gives no tighter bound; TenantSim draws 1–10 minutes so
        /// that scenarios stay short, and says so.
        case dataverseSync
        /// A change of the guest access level (`guestUserRoleId`) taking effect: "can take up to
        /// 15 minutes" (Microsoft Learn, Entra "Restrict guest access permissions"; domain-facts
        /// §3). TenantSim draws 1–15 minutes.
        case guestAccessLevel
        /// A change of who may invite (`allowInvitesFrom`) taking effect: 15–60 minutes (Microsoft
        /// Learn, Entra B2B "Troubleshooting": invite settings and Guest Inviter changes).
        case inviteSettings
        /// A change of a Power Platform tenant setting (`enableGuestsToMake`) taking effect.
        /// Microsoft states no figure; TenantSim draws 1–10 minutes, as for the other settings.
        case powerPlatformSetting

        /// The delay's bounds, in whole seconds.
        public var bounds: ClosedRange<Int> {
            switch self {
            case .replication: 2...60
            case .dataverseSync: 60...600
            case .guestAccessLevel: 60...900
            case .inviteSettings: 900...3600
            case .powerPlatformSetting: 60...600
            }
        }
    }

    /// The delay of `kind` for the object or pair named `key`, in whole seconds within the kind's
    /// bounds; `0` under `immediate`. Deterministic: the same seed and key give the same delay.
    public func delay(_ kind: Delay, key: String, seed: UInt64) -> TimeInterval {
        guard self == .realistic else { return 0 }
        var state = seed ^ DeterministicIDGenerator.fnv1a(kind.rawValue + ":" + key.lowercased())
        let draw = DeterministicIDGenerator.splitMix(&state)
        let span = UInt64(kind.bounds.upperBound - kind.bounds.lowerBound + 1)
        return TimeInterval(kind.bounds.lowerBound + Int(draw % span))
    }
}
