/// `licenseUnitsDetail`: the units of a subscription by state.
public struct LicenseUnitsDetail: Codable, Hashable, Sendable {
    public var enabled: Int
    public var lockedOut: Int
    public var suspended: Int
    public var warning: Int

    public init(enabled: Int, lockedOut: Int = 0, suspended: Int = 0, warning: Int = 0) {
        self.enabled = enabled
        self.lockedOut = lockedOut
        self.suspended = suspended
        self.warning = warning
    }
}
