/// A security role of one environment. Role ids differ per environment.
public struct SecurityRole: Codable, Hashable, Sendable {
    public var id: SecurityRoleID
    public var environmentId: EnvironmentID
    public var name: String

    public init(id: SecurityRoleID, environmentId: EnvironmentID, name: String) {
        self.id = id
        self.environmentId = environmentId
        self.name = name
    }
}
