/// A group with what a fixture needs: kind (security or Microsoft 365) and description.
public struct GroupDetails: Decodable, Sendable, Hashable {
    public var id: String
    public var displayName: String?
    public var description: String?
    public var groupTypes: [String]?
    public var securityEnabled: Bool?

    /// The `$select` list that fills every property above.
    public static let selectList = "id,displayName,description,groupTypes,securityEnabled"
}
