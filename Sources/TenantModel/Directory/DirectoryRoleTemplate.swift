import Foundation

/// The built-in Entra roles TenantSim knows, by template id (domain-facts §4.1). For built-in roles
/// the role definition id equals the template id.
public struct DirectoryRoleTemplate: Codable, Hashable, Sendable {
    public var id: String
    public var displayName: String
    public var description: String

    public init(id: String, displayName: String, description: String) {
        self.id = id
        self.displayName = displayName
        self.description = description
    }

    public static let globalAdministrator = DirectoryRoleTemplate(
        id: "62e90394-69f5-4237-9190-012177145e10", displayName: "Global Administrator",
        description: "Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.")
    public static let userAdministrator = DirectoryRoleTemplate(
        id: "fe930be7-5e62-47db-91af-98c3a49a38b1", displayName: "User Administrator",
        description: "Can manage all aspects of users and groups, including resetting passwords for limited admins.")
    public static let guestInviter = DirectoryRoleTemplate(
        id: "95e79109-95c0-4d8e-aee3-d01accf2d47b", displayName: "Guest Inviter",
        description: "Can invite guest users independent of the 'members can invite guests' setting.")
    public static let helpdeskAdministrator = DirectoryRoleTemplate(
        id: "729827e3-9c14-49f7-bb1b-9608f156bbb8", displayName: "Helpdesk Administrator",
        description: "Can reset passwords for non-administrators and Helpdesk Administrators.")
    public static let directoryWriters = DirectoryRoleTemplate(
        id: "9360feb5-f418-4baa-8175-e2a00bac4301", displayName: "Directory Writers",
        description: "Can read and write basic directory information.")
    public static let licenseAdministrator = DirectoryRoleTemplate(
        id: "4d6ac14f-3453-41d0-bef9-a3e0c569773a", displayName: "License Administrator",
        description: "Can manage product licenses on users and groups.")
    public static let privilegedRoleAdministrator = DirectoryRoleTemplate(
        id: "e8611ab8-c189-46e8-94e1-60213ab1f814", displayName: "Privileged Role Administrator",
        description: "Can manage role assignments in Microsoft Entra ID, and all aspects of Privileged Identity Management.")
    public static let securityAdministrator = DirectoryRoleTemplate(
        id: "194ae4cb-b126-40b2-bd5b-6091b380977d", displayName: "Security Administrator",
        description: "Can read security information and reports, and manage configuration in Microsoft Entra ID and Office 365.")
    public static let powerPlatformAdministrator = DirectoryRoleTemplate(
        id: "11648597-926c-4cf3-9c36-bcebb0ba8dcc", displayName: "Power Platform Administrator",
        description: "Can create and manage all aspects of Microsoft Dynamics 365, Power Apps and Power Automate.")
    public static let dynamics365Administrator = DirectoryRoleTemplate(
        id: "44367163-eba1-44c3-98af-f5787879f96a", displayName: "Dynamics 365 Administrator",
        description: "Can manage all aspects of the Dynamics 365 product.")
    public static let externalIdentityProviderAdministrator = DirectoryRoleTemplate(
        id: "be2f45a1-457d-42af-a067-6ec1fa63bc45", displayName: "External Identity Provider Administrator",
        description: "Can configure identity providers for use in direct federation.")

    public static let groupsAdministrator = DirectoryRoleTemplate(
        id: "fdd7a751-b60b-444a-984c-02652fe8fa1c", displayName: "Groups Administrator",
        description:
            "Members of this role can create/manage groups, create/manage groups settings like naming and expiration policies, and view groups activity and audit reports."
    )
    public static let identityGovernanceAdministrator = DirectoryRoleTemplate(
        id: "45d8d3c5-c802-45c6-b32a-1d70b5e1e86e", displayName: "Identity Governance Administrator",
        description: "Manage access using Microsoft Entra ID for identity governance scenarios.")
    public static let intuneAdministrator = DirectoryRoleTemplate(
        id: "3a2c62db-5318-420d-8d74-23affee5d9d5", displayName: "Intune Administrator",
        description: "Can manage all aspects of the Intune product.")

    public static let all: [DirectoryRoleTemplate] = [
        globalAdministrator, userAdministrator, guestInviter, helpdeskAdministrator, directoryWriters,
        licenseAdministrator, privilegedRoleAdministrator, securityAdministrator, powerPlatformAdministrator,
        dynamics365Administrator, externalIdentityProviderAdministrator, groupsAdministrator, identityGovernanceAdministrator,
        intuneAdministrator,
    ]

    public static func find(_ idOrName: String) -> DirectoryRoleTemplate? {
        let key = idOrName.lowercased()
        return all.first {
            $0.id == key || $0.displayName.lowercased() == key
                || $0.displayName.lowercased().replacingOccurrences(of: " ", with: "") == key.replacingOccurrences(of: " ", with: "")
        }
    }

    public static func displayName(of id: String) -> String { find(id)?.displayName ?? id }
}
