import Foundation

/// The Power Platform tenant settings document (`listTenantSettings`, domain-facts §8.1), kept
/// whole as JSON, with the guest-maker switch read out.
public struct PowerPlatformTenantSettings: Sendable, Hashable {
    /// The document as the admin API answered it.
    public var json: Data

    public init(json: Data) { self.json = json }

    /// `powerPlatform.powerApps.enableGuestsToMake` (default `false`).
    public var enableGuestsToMake: Bool {
        let object = (try? JSONSerialization.jsonObject(with: json)) as? [String: Any]
        let powerApps = (object?["powerPlatform"] as? [String: Any])?["powerApps"] as? [String: Any]
        return powerApps?["enableGuestsToMake"] as? Bool ?? false
    }
}
