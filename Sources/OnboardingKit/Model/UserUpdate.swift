/// A `PATCH /users/{id}` body: only the set properties are sent.
public struct UserUpdate: Encodable, Sendable, Hashable {
    public var displayName: String?
    public var givenName: String?
    public var surname: String?
    public var usageLocation: String?

    public init(displayName: String? = nil, givenName: String? = nil, surname: String? = nil, usageLocation: String? = nil) {
        self.displayName = displayName
        self.givenName = givenName
        self.surname = surname
        self.usageLocation = usageLocation
    }

    /// Whether nothing would change.
    public var isEmpty: Bool { displayName == nil && givenName == nil && surname == nil && usageLocation == nil }
}
