import Foundation
import TenantModel

/// `EntityDefinitions`: the Dataverse metadata of the tables TenantSim emulates, as Microsoft's
/// Dataverse SDK and scripts read it before touching records (`LogicalName`, `EntitySetName`,
/// `PrimaryIdAttribute`…). Object type codes and names are Dataverse's for these system tables;
/// the `MetadataId`s are TenantSim's own, fixed values (an emulator choice: real ones vary by org).
enum EntityDefinitions {
    struct Definition {
        let logicalName: String
        let schemaName: String
        let entitySetName: String
        let primaryIdAttribute: String
        let primaryNameAttribute: String
        let objectTypeCode: Int
        let metadataId: String
        let displayName: String
    }

    static let all: [Definition] = [
        Definition(
            logicalName: "businessunit", schemaName: "BusinessUnit", entitySetName: "businessunits", primaryIdAttribute: "businessunitid",
            primaryNameAttribute: "name", objectTypeCode: 10, metadataId: "5c0e8a41-5b0c-4e7e-9a1a-000000000010", displayName: "Business Unit"),
        Definition(
            logicalName: "role", schemaName: "Role", entitySetName: "roles", primaryIdAttribute: "roleid", primaryNameAttribute: "name",
            objectTypeCode: 1036, metadataId: "5c0e8a41-5b0c-4e7e-9a1a-000000001036", displayName: "Security Role"),
        Definition(
            logicalName: "systemuser", schemaName: "SystemUser", entitySetName: "systemusers", primaryIdAttribute: "systemuserid",
            primaryNameAttribute: "fullname", objectTypeCode: 8, metadataId: "5c0e8a41-5b0c-4e7e-9a1a-000000000008", displayName: "User"),
        Definition(
            logicalName: "team", schemaName: "Team", entitySetName: "teams", primaryIdAttribute: "teamid", primaryNameAttribute: "name",
            objectTypeCode: 9, metadataId: "5c0e8a41-5b0c-4e7e-9a1a-000000000009", displayName: "Team"),
    ]

    /// The properties a client may `$select` and `$filter` on.
    static let columns: Set<String> = [
        "MetadataId", "LogicalName", "SchemaName", "EntitySetName", "LogicalCollectionName", "PrimaryIdAttribute", "PrimaryNameAttribute",
        "ObjectTypeCode", "DisplayName", "IsCustomEntity", "IsActivity", "OwnershipType",
    ]

    static func row(_ definition: Definition) -> [String: JSONValue] {
        let label: JSONValue = .object([
            "LocalizedLabels": .array([.object(["Label": .string(definition.displayName), "LanguageCode": .int(1033)])]),
            "UserLocalizedLabel": .object(["Label": .string(definition.displayName), "LanguageCode": .int(1033)]),
        ])
        return [
            "MetadataId": .string(definition.metadataId), "LogicalName": .string(definition.logicalName),
            "SchemaName": .string(definition.schemaName), "EntitySetName": .string(definition.entitySetName),
            "LogicalCollectionName": .string(definition.entitySetName), "PrimaryIdAttribute": .string(definition.primaryIdAttribute),
            "PrimaryNameAttribute": .string(definition.primaryNameAttribute), "ObjectTypeCode": .int(definition.objectTypeCode),
            "DisplayName": label, "IsCustomEntity": .bool(false), "IsActivity": .bool(false),
            "OwnershipType": .string(
                definition.logicalName == "systemuser" || definition.logicalName == "businessunit" ? "BusinessOwned" : "OrganizationOwned"),
        ]
    }

    /// The definition a key segment names: `EntityDefinitions(LogicalName='systemuser')` or `EntityDefinitions(<MetadataId>)`.
    static func find(_ segment: String) -> Definition? {
        guard let open = segment.firstIndex(of: "("), segment.hasSuffix(")") else { return nil }
        let inner = String(segment[segment.index(after: open)..<segment.index(before: segment.endIndex)])
        if let equals = inner.firstIndex(of: "=") {
            let name = inner[..<equals].trimmingCharacters(in: .whitespaces)
            let value = inner[inner.index(after: equals)...].trimmingCharacters(in: CharacterSet(charactersIn: "' "))
            guard name == "LogicalName" else { return nil }
            return all.first { $0.logicalName == value.lowercased() }
        }
        return all.first { $0.metadataId == inner.lowercased() }
    }

    /// A choice column and its options.
    struct Picklist {
        let logicalName: String
        let metadataId: String
        let options: [(value: Int, label: String)]
    }

    /// The choice columns of the emulated tables that TenantSim reads or writes, with Dataverse's
    /// option values and English labels (`team.teamtype` and `team.membershiptype` as in Microsoft
    /// Learn "Manage group teams"; `systemuser.accessmode` limited to the modes TenantSim models).
    static func picklists(of logicalName: String) -> [Picklist] {
        switch logicalName {
        case "team":
            return [
                Picklist(
                    logicalName: "teamtype", metadataId: "5c0e8a41-5b0c-4e7e-9a1a-100000000009",
                    options: [(0, "Owner"), (1, "Access"), (2, "Microsoft Entra ID Security Group"), (3, "Microsoft Entra ID Office Group")]),
                Picklist(
                    logicalName: "membershiptype", metadataId: "5c0e8a41-5b0c-4e7e-9a1a-200000000009",
                    options: [(0, "Members and guests"), (1, "Members"), (2, "Owners"), (3, "Guests")]),
            ]
        case "systemuser":
            return [
                Picklist(
                    logicalName: "accessmode", metadataId: "5c0e8a41-5b0c-4e7e-9a1a-100000000008",
                    options: [(0, "Read-Write"), (1, "Administrative"), (4, "Non-interactive")])
            ]
        default:
            return []
        }
    }
}
