import Foundation
import HTTPTypes
import Hummingbird
import TenantEngine
import TenantModel

/// Record writes on `roles` and `systemusers`, and the reply shapes every Dataverse write shares.
extension DataverseRequest {
    /// `GET <set>(id)` with `$select`.
    func entity(_ set: String, _ row: [String: JSONValue], selectable: Set<String>, key: String) throws -> Response {
        var names: [String]?
        for (name, value) in ODataQuery.pairs(request.uri.query) where name.lowercased() == "$select" {
            let columns = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if let unknown = columns.first(where: { !selectable.contains($0) }) {
                throw TenantError(
                    status: 400, code: "0x80060888",
                    message: "Could not find a property named '\(unknown)' on type 'Microsoft.Dynamics.CRM.\(set.dropLast())'.",
                    surface: .dataverse)
            }
            names = columns
        }
        var object = select(row, names).objectValue ?? [:]
        object[key] = row[key]
        object["@odata.context"] = .string("\(base)/$metadata#\(set)/$entity")
        return APIResponse.json(.object(object), headers: [.init("OData-Version")!: "4.0"])
    }

    /// Whether the client asked for the record back (`Prefer: return=representation`).
    var wantsRepresentation: Bool {
        request.headers[values: HTTPField.Name("Prefer")!].contains { $0.lowercased().contains("return=representation") }
    }

    /// A create's reply: 204 with `OData-EntityId`, or 201 with the record when the client prefers
    /// it (Microsoft Learn, Dataverse Web API "Create a table row").
    func created(_ set: String, id: String, representation: [String: JSONValue]) -> Response {
        var headers: HTTPFields = [.init("OData-Version")!: "4.0", .init("OData-EntityId")!: "\(base)/\(set)(\(id))"]
        guard wantsRepresentation else { return APIResponse.noContent(headers: headers) }
        headers[HTTPField.Name("Preference-Applied")!] = "return=representation"
        var object = representation
        object["@odata.context"] = .string("\(base)/$metadata#\(set)/$entity")
        return APIResponse.json(.object(object), status: .created, headers: headers)
    }

    /// An update's reply: 204, or 200 with the record when the client prefers it.
    func updatedResponse(_ set: String, representation: [String: JSONValue]) -> Response {
        var headers: HTTPFields = [.init("OData-Version")!: "4.0"]
        guard wantsRepresentation else { return APIResponse.noContent(headers: headers) }
        headers[HTTPField.Name("Preference-Applied")!] = "return=representation"
        var object = representation
        object["@odata.context"] = .string("\(base)/$metadata#\(set)/$entity")
        return APIResponse.json(.object(object), headers: headers)
    }

    func roleJSON(_ role: SecurityRole) -> [String: JSONValue] {
        ["roleid": .string(role.id.rawValue), "name": .string(role.name), "_businessunitid_value": .string(businessUnitId)]
    }

    func getRole(_ key: String) async throws -> Response {
        guard let role = try await api.engine.securityRoles(of: environment.id).first(where: { $0.id.rawValue == key }) else {
            throw TenantError(status: 404, code: "0x80040217", message: "role With Id = \(key) Does Not Exist", surface: .dataverse)
        }
        return try entity("roles", roleJSON(role), selectable: Self.roleColumns, key: "roleid")
    }

    /// `POST roles`: a custom security role of the root business unit.
    func createRole() async throws -> Response {
        let body = try await DataverseBody.read(request, context: context, entity: "role")
        try body.allowOnly(["name"])
        try checkBusinessUnitBinding(body)
        let role = try await api.engine.createSecurityRole(
            named: try body.string("name") ?? "", in: environment.id.rawValue, by: caller, requestId: context.requestId)
        return created("roles", id: role.id.rawValue, representation: roleJSON(role))
    }

    /// `PATCH roles(id)`: renames a custom role.
    func updateRole(_ key: String) async throws -> Response {
        let body = try await DataverseBody.read(request, context: context, entity: "role")
        try body.allowOnly(["name"])
        let role = try await api.engine.renameSecurityRole(
            SecurityRoleID(key), to: try body.string("name") ?? "", in: environment.id.rawValue, by: caller, requestId: context.requestId)
        return updatedResponse("roles", representation: roleJSON(role))
    }

    /// `POST systemusers` with `azureactivedirectoryobjectid`: adds an Entra user of the tenant.
    func createSystemUser() async throws -> Response {
        let body = try await DataverseBody.read(request, context: context, entity: "systemuser")
        try body.allowOnly(["azureactivedirectoryobjectid", "domainname", "internalemailaddress", "firstname", "lastname", "accessmode"])
        try checkBusinessUnitBinding(body)
        guard let objectId = try body.string("azureactivedirectoryobjectid"), UUID(uuidString: objectId) != nil else {
            throw TenantError(
                status: 400, code: "0x80040203",
                message: "A systemuser is created from Microsoft Entra ID: the body needs azureactivedirectoryobjectid, the user's object id.",
                surface: .dataverse)
        }
        var row = try await api.engine.createSystemUser(objectId, in: environment.id.rawValue, by: caller, requestId: context.requestId)
        if let mode: DataverseUser.AccessMode = try body.option("accessmode"), mode != row.accessMode {
            row = try await api.engine.updateSystemUser(
                row.id, accessMode: mode, in: environment.id.rawValue, by: caller, requestId: context.requestId)
        }
        return created("systemusers", id: row.id.rawValue, representation: systemUserJSON(row, user: try await api.engine.user(id: row.userId)))
    }

    /// `PATCH systemusers(id)`: only `accessmode`; the other columns come from Microsoft Entra ID.
    func updateSystemUser(_ key: String) async throws -> Response {
        let row = try await findUser(key)
        let body = try await DataverseBody.read(request, context: context, entity: "systemuser")
        for name in body.object.keys.sorted() where !name.contains("@") && name != "accessmode" {
            guard Self.userColumns.contains(name) else { try body.allowOnly(["accessmode"]); continue }
            throw TenantError(
                status: 400, code: "0x80040203",
                message: "'\(name)' is synchronized from Microsoft Entra ID; change it there and the environment follows.", surface: .dataverse)
        }
        var updated = row
        if let mode: DataverseUser.AccessMode = try body.option("accessmode") {
            updated = try await api.engine.updateSystemUser(
                row.id, accessMode: mode, in: environment.id.rawValue, by: caller, requestId: context.requestId)
        }
        return updatedResponse("systemusers", representation: systemUserJSON(updated, user: try await api.engine.user(id: updated.userId)))
    }

    /// `EntityDefinitions(LogicalName='…')/Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata`:
    /// the choice columns of a table with their options, which Microsoft's Dataverse SDK reads
    /// before a create or update to turn labels into values.
    func picklists(_ segment: String) throws -> Response {
        guard let definition = EntityDefinitions.find(segment) else {
            throw TenantError(
                status: 404, code: "0x80040217", message: "Could not find an entity with the key \(segment.dropFirst("EntityDefinitions".count)).",
                surface: .dataverse)
        }
        let rows = EntityDefinitions.picklists(of: definition.logicalName).map { picklist -> JSONValue in
            let options = picklist.options.map { option -> JSONValue in
                let label: JSONValue = .object(["Label": .string(option.label), "LanguageCode": .int(1033)])
                return .object(["Value": .int(option.value), "Label": .object(["LocalizedLabels": .array([label]), "UserLocalizedLabel": label])])
            }
            return .object([
                "LogicalName": .string(picklist.logicalName), "MetadataId": .string(picklist.metadataId),
                "OptionSet": .object(["Options": .array(options)]),
            ])
        }
        return APIResponse.json(
            .object([
                "@odata.context": .string(
                    "\(base)/$metadata#EntityDefinitions('\(definition.metadataId)')/Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata"),
                "value": .array(rows),
            ]), headers: [.init("OData-Version")!: "4.0"])
    }
}
