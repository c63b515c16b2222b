import Foundation
import TenantModel

/// The wire shape of `microsoft.graph.user`, with `$select`.
enum UserRepresentation {
    /// Returned when there is no `$select` (domain-facts §2.1).
    static let defaultProperties = [
        "businessPhones", "displayName", "givenName", "id", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage",
        "surname", "userPrincipalName",
    ]

    static let selectable: Set<String> = Set(defaultProperties).union([
        "accountEnabled", "assignedLicenses", "companyName", "createdDateTime", "creationType", "deletedDateTime",
        "externalUserState", "externalUserStateChangeDateTime", "identities", "mailNickname", "otherMails", "proxyAddresses",
        "usageLocation", "userType", "licenseAssignmentStates",
    ])

    /// Properties `$filter` may use without advanced queries, plus `endswith` targets.
    static let filterable: Set<String> = [
        "id", "userPrincipalName", "mail", "displayName", "givenName", "surname", "userType", "accountEnabled",
        "externalUserState", "creationType", "usageLocation", "jobTitle", "companyName", "mailNickname",
    ]

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
            "businessPhones": .array([]), "mobilePhone": .null, "officeLocation": .null, "preferredLanguage": .null,
            "proxyAddresses": .strings(user.mail.map { ["SMTP:\($0)"] } ?? []),
        ]
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
