import Foundation

/// A client secret (password credential) of an app registration.
public struct ClientSecret: Codable, Hashable, Sendable {
    public var appId: AppID
    public var keyId: String
    public var displayName: String?
    public var secretText: String
    public var endDateTime: Date?

    public init(appId: AppID, keyId: String, displayName: String? = nil, secretText: String, endDateTime: Date? = nil) {
        self.appId = appId
        self.keyId = keyId
        self.displayName = displayName
        self.secretText = secretText
        self.endDateTime = endDateTime
    }
}
