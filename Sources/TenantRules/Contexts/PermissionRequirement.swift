/// The permissions an endpoint accepts, least privileged first. Any one of them is enough.
public struct PermissionRequirement: Sendable, Hashable, Codable {
    /// `POST /invitations` and the like.
    public var endpoint: String
    public var accepted: [String]

    public init(endpoint: String, accepted: [String]) {
        self.endpoint = endpoint
        self.accepted = accepted
    }

    public var leastPrivileged: String { accepted.first ?? "(none)" }
}
