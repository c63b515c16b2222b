/// A Dataverse `systemuser` row (domain-facts §8.5).
public struct DataverseSystemUser: Decodable, Sendable, Hashable {
    public var systemuserid: String
    public var isdisabled: Bool?
    /// The Entra object id of the user (or application) the row stands for.
    public var azureactivedirectoryobjectid: String?

    /// Whether the row is enabled (security roles need an enabled user).
    public var isEnabled: Bool { isdisabled != true }
}
