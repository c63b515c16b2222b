import Foundation
import TenantModel

/// The wire shape of `microsoft.graph.user`, with `$select`.
enum UserRepresentation {
    /// Returned when there is no `$select` (domain-facts §2.1).
    static let defaultProperties = [
        "businessPhones", "displayName", "givenName", "id", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage",
        "surname", "userPrincipalName",
    ]

    /// Every `microsoft.graph.user` v1.0 property a collection may `$select` (Microsoft's user
    /// resource page). Those TenantSim doesn't model answer `null` until a PATCH stores them.
    static let selectable: Set<String> = Set(defaultProperties).union([
        "accountEnabled", "ageGroup", "assignedLicenses", "assignedPlans", "authorizationInfo", "city", "companyName",
        "consentProvidedForMinor", "country", "createdDateTime", "creationType", "customSecurityAttributes", "deletedDateTime",
        "department", "employeeHireDate", "employeeId", "employeeLeaveDateTime", "employeeOrgData", "employeeType",
        "externalUserState", "externalUserStateChangeDateTime", "faxNumber", "identities", "imAddresses", "isResourceAccount",
        "lastPasswordChangeDateTime", "legalAgeGroupClassification", "licenseAssignmentStates", "mailNickname",
        "onPremisesDistinguishedName", "onPremisesDomainName", "onPremisesExtensionAttributes", "onPremisesImmutableId",
        "onPremisesLastSyncDateTime", "onPremisesProvisioningErrors", "onPremisesSamAccountName", "onPremisesSecurityIdentifier",
        "onPremisesSyncEnabled", "onPremisesUserPrincipalName", "otherMails", "passwordPolicies", "passwordProfile", "postalCode",
        "preferredDataLocation", "provisionedPlans", "proxyAddresses", "securityIdentifier", "serviceProvisioningErrors",
        "showInAddressList", "signInActivity", "signInSessionsValidFromDateTime", "state", "streetAddress", "usageLocation",
        "userType",
    ])

    /// Properties Graph returns only for a single user (`GET /users/{id}?$select=aboutMe`).
    static let singleEntitySelectable: Set<String> = selectable.union([
        "aboutMe", "birthday", "hireDate", "interests", "mailboxSettings", "mySite", "pastProjects", "preferredName",
        "responsibilities", "schools", "skills",
    ])

    /// Writable profile properties no rule reads (Microsoft's "Update user" page), with the JSON
    /// type each takes; PATCH stores them as sent.
    static let profileProperties: [String: ProfileType] = [
        "aboutMe": .string, "ageGroup": .string, "birthday": .dateTime, "businessPhones": .strings, "city": .string,
        "consentProvidedForMinor": .string, "country": .string, "department": .string, "employeeHireDate": .dateTime,
        "employeeId": .string, "employeeLeaveDateTime": .dateTime, "employeeOrgData": .object, "employeeType": .string,
        "faxNumber": .string, "hireDate": .dateTime, "interests": .strings, "mobilePhone": .string, "mySite": .string,
        "officeLocation": .string, "onPremisesExtensionAttributes": .object, "onPremisesImmutableId": .string,
        "pastProjects": .strings, "postalCode": .string, "preferredDataLocation": .string, "preferredLanguage": .string,
        "preferredName": .string, "responsibilities": .strings, "schools": .strings, "showInAddressList": .bool,
        "skills": .strings, "state": .string, "streetAddress": .string,
    ]

    /// The JSON type of a profile property.
    enum ProfileType { case string, strings, bool, object, dateTime }

    /// Properties `$filter` may use (Microsoft's filter table for users; lambdas on the collections).
    static let filterable: Set<String> = [
        "id", "userPrincipalName", "mail", "displayName", "givenName", "surname", "userType", "accountEnabled",
        "externalUserState", "creationType", "usageLocation", "jobTitle", "companyName", "mailNickname", "createdDateTime",
        "identities", "assignedLicenses", "otherMails", "proxyAddresses", "department", "employeeId", "city", "country",
        "state", "officeLocation", "mobilePhone", "businessPhones", "employeeType", "preferredLanguage", "postalCode",
        "streetAddress", "faxNumber", "onPremisesSyncEnabled", "onPremisesImmutableId", "ageGroup", "consentProvidedForMinor",
    ]

    /// Properties `$search` tokenizes (Microsoft's "$search on directory object collections").
    static let searchable: Set<String> = [
        "displayName", "givenName", "surname", "mail", "userPrincipalName", "mailNickname", "otherMails", "proxyAddresses", "jobTitle",
        "department", "employeeId", "officeLocation",
    ]

    /// Multi-valued properties: `$filter` reaches them only through `any`.
    static let collections: Set<String> = ["identities", "assignedLicenses", "otherMails", "proxyAddresses", "businessPhones", "imAddresses"]

    static func properties(_ user: User, licenses: [LicenseAssignment]?) -> [String: JSONValue] {
        var object: [String: JSONValue] = [
            "id": .string(user.id.rawValue), "userPrincipalName": .string(user.userPrincipalName),
            "displayName": .optional(user.displayName), "givenName": .optional(user.givenName), "surname": .optional(user.surname),
            "mail": .optional(user.mail), "mailNickname": .optional(user.mailNickname), "otherMails": .strings(user.otherMails),
            "userType": .string(user.userType.rawValue), "creationType": .optional(user.creationType?.rawValue),
            "externalUserState": .optional(user.externalUserState?.rawValue),
            "externalUserStateChangeDateTime": APIResponse.dateTime(user.externalUserStateChangeDateTime),
            "identities": .array(
                user.identities.map { identity in
                    .object([
                        "signInType": .string(identity.signInType), "issuer": .string(identity.issuer),
                        "issuerAssignedId": .optional(identity.issuerAssignedId),
                    ])
                }),
            "usageLocation": .optional(user.usageLocation), "accountEnabled": .bool(user.accountEnabled),
            "companyName": .optional(user.companyName), "jobTitle": .optional(user.jobTitle),
            "createdDateTime": APIResponse.dateTime(user.createdDateTime), "deletedDateTime": APIResponse.dateTime(user.deletedDateTime),
            "businessPhones": .array([]), "imAddresses": .array([]), "interests": .array([]), "pastProjects": .array([]),
            "responsibilities": .array([]), "schools": .array([]), "skills": .array([]), "assignedPlans": .array([]),
            "provisionedPlans": .array([]), "onPremisesProvisioningErrors": .array([]), "serviceProvisioningErrors": .array([]),
            "proxyAddresses": .strings(user.mail.map { ["SMTP:\($0)"] } ?? []),
            "onPremisesSyncEnabled": .null, "showInAddressList": .null,
        ]
        object.merge(user.profile) { _, stored in stored }
        if let licenses {
            object["assignedLicenses"] = .array(
                licenses.map { .object(["skuId": .string($0.skuId), "disabledPlans": .strings($0.disabledPlans)]) })
            object["licenseAssignmentStates"] = .array(
                licenses.map { license in
                    .object([
                        "skuId": .string(license.skuId), "disabledPlans": .strings(license.disabledPlans), "assignedByGroup": .null,
                        "state": .string("Active"), "error": .string("None"),
                        "lastUpdatedDateTime": APIResponse.dateTime(license.assignedDateTime),
                    ])
                })
        }
        return object
    }

    static func needsLicenses(_ select: [String]?) -> Bool {
        select?.contains { $0 == "assignedLicenses" || $0 == "licenseAssignmentStates" } ?? false
    }

    static func json(_ properties: [String: JSONValue], select: [String]?) -> JSONValue {
        let keys = select ?? defaultProperties
        var object: [String: JSONValue] = [:]
        for key in keys { object[key] = properties[key] ?? .null }
        if select != nil { object["id"] = properties["id"] }
        return .object(object)
    }

    static func contextFragment(_ select: [String]?, entity: Bool) -> String {
        var fragment = "users"
        if let select { fragment += "(\(select.joined(separator: ",")))" }
        return entity ? fragment + "/$entity" : fragment
    }
}
