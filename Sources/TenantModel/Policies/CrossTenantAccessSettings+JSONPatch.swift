import Foundation

extension CrossTenantAccessSettings {
    /// The Graph JSON of the blocks that are set (blocks left to inherit are absent).
    public var json: [String: JSONValue] {
        let encoded = (try? JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(self)))?.objectValue ?? [:]
        return encoded.filter { $0.value != .null }
    }

    /// `patch` — Graph's PATCH body, where nested objects may be partial — applied to these
    /// settings. Each block the patch names is deep-merged over that block of `base` (the block in
    /// force: a partner's own, or the default it inherits), so members the patch leaves out keep
    /// their values; `null` clears a block. Other blocks stay as they are here. A block that does
    /// not decode is Graph's 400 naming the property.
    public func applying(
        _ patch: [String: JSONValue], over base: CrossTenantAccessSettings, resource: String
    ) throws(TenantError) -> CrossTenantAccessSettings {
        var object = json
        let inForce = base.json
        for (key, value) in patch {
            object[key] = value == .null ? nil : (inForce[key] ?? .object([:])).merging(value)
        }
        let decoder = JSONDecoder()
        do {
            return try decoder.decode(CrossTenantAccessSettings.self, from: JSONEncoder().encode(JSONValue.object(object)))
        } catch {
            let culprit = object.keys.sorted().first { key in
                (try? decoder.decode(CrossTenantAccessSettings.self, from: JSONEncoder().encode(JSONValue.object([key: object[key]!])))) == nil
            }
            throw TenantError.badRequest("Invalid value specified for property '\(culprit ?? "body")' of resource '\(resource)'.")
        }
    }

    /// What a partner's create or PATCH body merges over: the partner's own B2B blocks (a member
    /// the body leaves out stays unset, so it keeps inheriting — Microsoft's create example sets only
    /// `b2bDirectConnectInbound.applications`), and for the flat objects (inbound trust, automatic
    /// consent, redemption order) the values in force, the partner's own or the default's.
    public func partnerPatchBase(defaults: CrossTenantAccessSettings) -> CrossTenantAccessSettings {
        var base = self
        base.inboundTrust = inboundTrust ?? defaults.inboundTrust
        base.automaticUserConsentSettings = automaticUserConsentSettings ?? defaults.automaticUserConsentSettings
        base.invitationRedemptionIdentityProviderConfiguration =
            invitationRedemptionIdentityProviderConfiguration ?? defaults.invitationRedemptionIdentityProviderConfiguration
        return base
    }
}
