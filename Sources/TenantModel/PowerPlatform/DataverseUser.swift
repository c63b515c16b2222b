import Foundation

/// A Dataverse `systemuser`: the Entra user as synced into one environment. Users are disabled,
/// never deleted, when they stop qualifying (domain-facts §8.3).
public struct DataverseUser: Codable, Hashable, Sendable {
    /// Access modes of `systemuser.accessmode`.
    public enum AccessMode: Int, Codable, Sendable, CaseIterable {
        case readWrite = 0
        case administrative = 1
        case nonInteractive = 4
    }

    public var id: SystemUserID
    public var environmentId: EnvironmentID
    /// `azureactivedirectoryobjectid`: the Entra object id in the environment's tenant.
    public var userId: UserID
    public var domainName: String
    public var fullName: String
    public var isDisabled: Bool
    /// Why the user is disabled, in words (the rule that stopped qualifying).
    public var disabledReason: String?
    public var accessMode: AccessMode
    public var createdOn: Date
    public var modifiedOn: Date

    public init(
        id: SystemUserID, environmentId: EnvironmentID, userId: UserID, domainName: String, fullName: String,
        isDisabled: Bool, disabledReason: String? = nil, accessMode: AccessMode, createdOn: Date, modifiedOn: Date
    ) {
        self.id = id
        self.environmentId = environmentId
        self.userId = userId
        self.domainName = domainName
        self.fullName = fullName
        self.isDisabled = isDisabled
        self.disabledReason = disabledReason
        self.accessMode = accessMode
        self.createdOn = createdOn
        self.modifiedOn = modifiedOn
    }
}
