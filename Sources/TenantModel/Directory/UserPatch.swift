/// A partial update of a user (`PATCH /users/{id}`). Each property is `nil` when absent from the
/// request; an inner `nil` means "set to null".
public struct UserPatch: Hashable, Sendable {
    public var displayName: String??
    public var givenName: String??
    public var surname: String??
    public var usageLocation: String??
    public var jobTitle: String??
    public var companyName: String??
    public var mail: String??
    public var otherMails: [String]?
    public var accountEnabled: Bool?
    public var userType: UserType?
    /// Profile properties no rule reads, by Graph name; `.null` clears one.
    public var profile: [String: JSONValue]

    public init(
        displayName: String?? = nil, givenName: String?? = nil, surname: String?? = nil, usageLocation: String?? = nil,
        jobTitle: String?? = nil, companyName: String?? = nil, mail: String?? = nil, otherMails: [String]? = nil,
        accountEnabled: Bool? = nil, userType: UserType? = nil, profile: [String: JSONValue] = [:]
    ) {
        self.displayName = displayName
        self.givenName = givenName
        self.surname = surname
        self.usageLocation = usageLocation
        self.jobTitle = jobTitle
        self.companyName = companyName
        self.mail = mail
        self.otherMails = otherMails
        self.accountEnabled = accountEnabled
        self.userType = userType
        self.profile = profile
    }

    /// The names of the properties the patch touches, for the journal.
    public var touchedProperties: [String] {
        var names: [String] = []
        if displayName != nil { names.append("displayName") }
        if givenName != nil { names.append("givenName") }
        if surname != nil { names.append("surname") }
        if usageLocation != nil { names.append("usageLocation") }
        if jobTitle != nil { names.append("jobTitle") }
        if companyName != nil { names.append("companyName") }
        if mail != nil { names.append("mail") }
        if otherMails != nil { names.append("otherMails") }
        if accountEnabled != nil { names.append("accountEnabled") }
        if userType != nil { names.append("userType") }
        return names + profile.keys.sorted()
    }

    /// Applies the patch to `user`. `usageLocation` is stored uppercase.
    public func applied(to user: User) -> User {
        var user = user
        if let value = displayName { user.displayName = value }
        if let value = givenName { user.givenName = value }
        if let value = surname { user.surname = value }
        if let value = usageLocation { user.usageLocation = value?.uppercased() }
        if let value = jobTitle { user.jobTitle = value }
        if let value = companyName { user.companyName = value }
        if let value = mail { user.mail = value }
        if let value = otherMails { user.otherMails = value }
        if let value = accountEnabled { user.accountEnabled = value }
        if let value = userType { user.userType = value }
        for (key, value) in profile { user.profile[key] = value == .null ? nil : value }
        return user
    }
}
