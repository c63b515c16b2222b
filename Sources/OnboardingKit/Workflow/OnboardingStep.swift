/// The steps of the seed's onboarding flow, titled as in TenantSim's explain view
/// (`tenantsim explain`), plus the guest-maker track.
public enum OnboardingStep: String, Sendable, Hashable, CaseIterable, Codable {
    case invited
    case redeemed
    case nameAndUsageLocation
    case licence
    case securityGroup
    case dataverse
    case securityRole
    case notified
    case guestAccessLevel
    case guestsCanMake
    case environmentMaker
    case makerIdentity

    /// The title the explain view uses for this step.
    public var title: String {
        switch self {
        case .invited: "Invited (B2B invitation)"
        case .redeemed: "Redeemed the invitation"
        case .nameAndUsageLocation: "Name and usage location set"
        case .licence: "Licence assigned in the resource tenant"
        case .securityGroup: "Member of the environment's security group"
        case .dataverse: "Synced to Dataverse"
        case .securityRole: "Security role assigned"
        case .notified: "Notified with the environment URL"
        case .guestAccessLevel: "Guest access level: same as members (resource tenant)"
        case .guestsCanMake: "enableGuestsToMake (resource tenant)"
        case .environmentMaker: "Environment Maker role"
        case .makerIdentity: "Entra (not Microsoft account) identity, same Power Platform cloud, Dataverse licence in the resource tenant"
        }
    }

    /// Whether the step belongs to the guest-maker track.
    public var isMakerStep: Bool { [.guestAccessLevel, .guestsCanMake, .environmentMaker].contains(self) }
}
