/// Features of customer engagement apps that B2B guests can't use (seed: Incompatibilities), plus
/// the one way guests can join a Microsoft 365 group conversation (from Outlook).
public enum CustomerEngagementFeature: String, Codable, Sendable, CaseIterable {
    case unifiedServiceDesk
    case appForOutlook
    case serverSideSync
    case approveEmail
    case createM365Group
    case postToGroupFromOutlook
    case postToGroupFromApp
    case customerVoice

    public var displayName: String {
        switch self {
        case .unifiedServiceDesk: "Unified Service Desk client"
        case .appForOutlook: "Dynamics 365 App for Outlook"
        case .serverSideSync: "server-side synchronization of the guest's mailbox"
        case .approveEmail: "Approve email / enable mailbox"
        case .createM365Group: "create a Microsoft 365 group"
        case .postToGroupFromOutlook: "post to a Microsoft 365 group conversation from Outlook"
        case .postToGroupFromApp: "post to a Microsoft 365 group conversation inside the customer engagement app"
        case .customerVoice: "Dynamics 365 Customer Voice"
        }
    }
}
