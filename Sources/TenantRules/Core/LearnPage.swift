/// The Microsoft Learn page the product is built from, and its sections, for explanations that
/// say where the step is documented: "Microsoft Learn: <page>, <section> — <link>".
public enum LearnPage {
    public static let title = "Invite users with Microsoft Entra B2B collaboration"
    public static let url = "https://learn.microsoft.com/power-platform/admin/invite-users-azure-active-directory-b2b-collaboration"

    /// A section of the page: its heading and anchor.
    public enum Section: String, Sendable, CaseIterable {
        case requirements
        case incompatibilities
        case inviteAUser = "invite-a-user"
        case nameAndUsageLocation = "update-users-name-and-usage-location"
        case licenseAndSecurityRole = "assign-invited-users-a-license-and-security-role"
        case notify = "notify-your-invited-users"
        case guestMaker = "power-apps-support-for-b2b-guest-maker"
        case knownLimitations = "known-limitations"

        public var heading: String {
            switch self {
            case .requirements: "Requirements"
            case .incompatibilities: "Incompatibilities"
            case .inviteAUser: "Invite a user"
            case .nameAndUsageLocation: "Update user's name and usage location"
            case .licenseAndSecurityRole: "Assign invited users a license and security role"
            case .notify: "Notify your invited users"
            case .guestMaker: "Power Apps support for B2B guest maker"
            case .knownLimitations: "Known limitations"
            }
        }

        public var link: String { "\(LearnPage.url)#\(rawValue)" }
    }

    /// `Microsoft Learn: Invite users with Microsoft Entra B2B collaboration, Known limitations — https://…#known-limitations`.
    public static func cite(_ section: Section) -> String { "Microsoft Learn: \(title), \(section.heading) — \(section.link)" }
}
