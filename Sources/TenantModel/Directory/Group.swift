import Foundation

/// A security group or a Microsoft 365 group. Only direct membership is modelled; nested groups
/// may be members but Power Platform ignores them (domain-facts §8.3).
public struct Group: Codable, Hashable, Sendable {
    public var id: GroupID
    public var tenantId: TenantID
    public var displayName: String
    public var description: String?
    public var mailNickname: String
    public var mailEnabled: Bool
    public var securityEnabled: Bool
    /// `["Unified"]` for Microsoft 365 groups.
    public var groupTypes: [String]
    public var createdDateTime: Date

    public init(
        id: GroupID, tenantId: TenantID, displayName: String, description: String? = nil, mailNickname: String,
        mailEnabled: Bool, securityEnabled: Bool, groupTypes: [String], createdDateTime: Date
    ) {
        self.id = id
        self.tenantId = tenantId
        self.displayName = displayName
        self.description = description
        self.mailNickname = mailNickname
        self.mailEnabled = mailEnabled
        self.securityEnabled = securityEnabled
        self.groupTypes = groupTypes
        self.createdDateTime = createdDateTime
    }

    public var isMicrosoft365: Bool { groupTypes.contains("Unified") }
    public var isSecurityGroup: Bool { securityEnabled && !isMicrosoft365 }
}
