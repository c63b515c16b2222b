/// `invitation.invitedUserMessageInfo`: the optional customised invitation email.
public struct InvitedUserMessageInfo: Codable, Hashable, Sendable {
    public var ccRecipients: [Recipient]
    public var customizedMessageBody: String?
    public var messageLanguage: String?

    public init(ccRecipients: [Recipient] = [], customizedMessageBody: String? = nil, messageLanguage: String? = nil) {
        self.ccRecipients = ccRecipients
        self.customizedMessageBody = customizedMessageBody
        self.messageLanguage = messageLanguage
    }
}
