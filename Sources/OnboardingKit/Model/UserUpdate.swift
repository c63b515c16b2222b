/// A `PATCH /users/{id}` body: only the set properties are sent.
public struct UserUpdate: Encodable, Sendable, Hashable {
    public var displayName: String?
    public var givenName: String?
    public var surname: String?
    public var usageLocation: String?
    public var accountEnabled: Bool?
    /// `Guest` or `Member`.
    public var userType: String?

    public init(
        displayName: String? = nil, givenName: String? = nil, surname: String? = nil, usageLocation: String? = nil, accountEnabled: Bool? = nil,
        userType: String? = nil
    ) {
        self.accountEnabled = accountEnabled
        self.userType = userType
        self.displayName = displayName
        self.givenName = givenName
        self.surname = surname
        self.usageLocation = usageLocation
    }

    /// Whether nothing would change.
    public var isEmpty: Bool {
        displayName == nil && givenName == nil && surname == nil && usageLocation == nil && accountEnabled == nil && userType == nil
    }
}
