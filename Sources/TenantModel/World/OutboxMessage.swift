import Foundation

/// A message TenantSim would have sent (invitation emails, onboarding notifications). Nothing leaves
/// the machine; scenarios and the control API read the outbox.
public struct OutboxMessage: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable { case invitation, notification }

    public var id: MessageID
    public var tenantId: TenantID
    public var kind: Kind
    public var from: String
    public var to: String
    public var cc: [String]
    public var subject: String
    public var body: String
    /// The link the message carries: the redeem URL or the environment URL.
    public var url: String?
    public var relatedUserId: UserID?
    public var createdDateTime: Date

    public init(
        id: MessageID, tenantId: TenantID, kind: Kind, from: String, to: String, cc: [String] = [], subject: String,
        body: String, url: String?, relatedUserId: UserID?, createdDateTime: Date
    ) {
        self.id = id
        self.tenantId = tenantId
        self.kind = kind
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
        self.body = body
        self.url = url
        self.relatedUserId = relatedUserId
        self.createdDateTime = createdDateTime
    }
}
