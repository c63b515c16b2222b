import Foundation

/// A Power Platform environment as the admin API lists it (domain-facts §8.2): its name, display
/// name, Dataverse instance URL and security group.
public struct AdminEnvironment: Decodable, Sendable, Hashable {
    /// The environment name (a GUID, or `Default-<tenant id>`).
    public var name: String
    public var displayName: String
    public var isDefault: Bool
    /// `https://<org>.crm.dynamics.com` without the trailing slash, or `nil` without Dataverse.
    public var instanceURL: String?
    /// The environment's security group, if one is set.
    public var securityGroupId: String?
    /// The maker portal page of the environment.
    public var makerURL: String?
    /// `Production`, `Sandbox`, `Trial`, `Developer` or `Default` (`properties.environmentSku`).
    public var sku: String?
    /// The Azure region (`properties.azureRegion`, or `location`).
    public var region: String?

    /// Whether the environment has a Dataverse database.
    public var hasDataverse: Bool { instanceURL != nil }

    /// The URL people are sent to: the Dataverse instance, else the maker portal page.
    public var accessURL: String { instanceURL ?? makerURL ?? "" }

    /// The Dataverse instance host (`contoso.crm.dynamics.com`).
    public var instanceHost: String? {
        instanceURL.flatMap { OnboardingClient.split($0)?.authority }
    }

    /// Whether `key` names this environment: its URL (with or without trailing slash), instance
    /// host, name or display name (case-insensitive).
    public func matches(_ key: String) -> Bool {
        let wanted = Self.normalise(key)
        return [instanceURL, instanceHost, name, displayName, makerURL].compactMap { $0 }.contains { Self.normalise($0) == wanted }
    }

    static func normalise(_ text: String) -> String {
        var value = text.trimmingCharacters(in: .whitespaces).lowercased()
        while value.hasSuffix("/") { value.removeLast() }
        return value
    }

    public init(name: String, displayName: String, isDefault: Bool, instanceURL: String?, securityGroupId: String?, makerURL: String?) {
        self.name = name
        self.displayName = displayName
        self.isDefault = isDefault
        self.instanceURL = instanceURL
        self.securityGroupId = securityGroupId
        self.makerURL = makerURL
    }

    public init(from decoder: any Decoder) throws {
        let wire = try Wire(from: decoder)
        var instance = wire.properties.linkedEnvironmentMetadata?.instanceUrl
        while instance?.hasSuffix("/") == true { instance?.removeLast() }
        let group = wire.properties.linkedEnvironmentMetadata?.securityGroupId
        self.init(
            name: wire.name, displayName: wire.properties.displayName ?? wire.name, isDefault: wire.properties.isDefault ?? false,
            instanceURL: instance, securityGroupId: group == "00000000-0000-0000-0000-000000000000" ? nil : group,
            makerURL: wire.properties.clientUris?.maker)
        sku = wire.properties.environmentSku
        region = wire.properties.azureRegion ?? wire.location
    }

    struct Wire: Decodable {
        var name: String
        var location: String?
        var properties: Properties

        struct Properties: Decodable {
            var displayName: String?
            var isDefault: Bool?
            var environmentSku: String?
            var azureRegion: String?
            var linkedEnvironmentMetadata: Linked?
            var clientUris: ClientUris?
        }

        struct Linked: Decodable {
            var instanceUrl: String?
            var securityGroupId: String?
        }

        struct ClientUris: Decodable {
            var maker: String?
        }
    }
}
