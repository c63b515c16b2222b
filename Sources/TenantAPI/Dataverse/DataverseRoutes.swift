import Foundation
import HTTPTypes
import Hummingbird
import TenantEngine
import TenantModel
import TenantRules

/// The Dataverse Web API of each environment (on its instance host): the service document,
/// `systemusers`, `roles`, `teams`, `businessunits`, their role associations, the metadata
/// Microsoft's Dataverse SDK reads, and `WhoAmI`.
enum DataverseRoutes {
    static func register(on table: RouteTable) {
        let api = table.api
        let table = table.collection(DataverseAuthenticator(api: api))
        table.add(.get, "/api/data/{version}", surface: .dataverse, operation: .dataverseGet) { request, context in
            try await DataverseRequest.handle(request, context: context, api: api)
        }
        let operations: [(HTTPRequest.Method, TenantOperation)] = [
            (.get, .dataverseGet), (.post, .dataversePost), (.patch, .dataversePatch), (.delete, .dataverseDelete),
        ]
        for (method, operation) in operations {
            table.add(method, "/api/data/{version}/**", surface: .dataverse, operation: operation) { request, context in
                try await DataverseRequest.handle(request, context: context, api: api)
            }
        }
    }
}

/// One Dataverse Web API request, dispatched on its entity-set path.
struct DataverseRequest {
    let api: TenantAPI
    let request: Request
    let context: TenantRequestContext
    let environment: PowerPlatformEnvironment
    let caller: Caller
    let base: String

    static func handle(_ request: Request, context: TenantRequestContext, api: TenantAPI) async throws -> Response {
        guard let environment = context.environment else { throw TenantError.internal("Dataverse request without its environment") }
        let version = context.parameters.get("version") ?? "v9.2"
        let dataverse = DataverseRequest(
            api: api, request: request, context: context, environment: environment, caller: try context.authenticated().caller,
            base: "\(context.baseURL)/api/data/\(version)")
        let path = request.uri.path.split(separator: "/").dropFirst(3).joined(separator: "/")
        return try await dataverse.dispatch(path.removingPercentEncoding ?? path)
    }

    func dispatch(_ path: String) async throws -> Response {
        let segments = path.split(separator: "/").map(String.init)
        switch (request.method, segments.count) {
        case (.get, 0): return serviceDocument()
        case (.get, 1) where segments[0] == "WhoAmI" || segments[0] == "WhoAmI()": return try await whoAmI()
        case (.get, 1) where segments[0] == "systemusers": return try await listSystemUsers()
        case (.get, 1) where segments[0].hasPrefix("systemusers("): return try await getSystemUser(Self.key(segments[0]))
        case (.get, 1) where segments[0] == "roles": return try await listRoles()
        case (.get, 1) where segments[0] == "EntityDefinitions":
            return try collection(
                "EntityDefinitions", entity: "EntityMetadata", rows: EntityDefinitions.all.map(EntityDefinitions.row),
                selectable: EntityDefinitions.columns, key: "MetadataId")
        case (.get, 1) where segments[0].hasPrefix("EntityDefinitions("):
            return try entityDefinition(segments[0])
        case (.get, 3)
        where segments[0].hasPrefix("EntityDefinitions(") && segments[1] == "Attributes"
            && segments[2] == "Microsoft.Dynamics.CRM.PicklistAttributeMetadata":
            return try picklists(segments[0])
        case (.post, 1) where segments[0] == "systemusers": return try await createSystemUser()
        case (.patch, 1) where segments[0].hasPrefix("systemusers("): return try await updateSystemUser(Self.key(segments[0]))
        case (.get, 1) where segments[0].hasPrefix("roles("): return try await getRole(Self.key(segments[0]))
        case (.post, 1) where segments[0] == "roles": return try await createRole()
        case (.patch, 1) where segments[0].hasPrefix("roles("): return try await updateRole(Self.key(segments[0]))
        case (.get, 1) where segments[0] == "businessunits": return try listBusinessUnits()
        case (.get, 1) where segments[0] == "teams": return try await listTeams()
        case (.get, 1) where segments[0].hasPrefix("teams("): return try await getTeam(Self.key(segments[0]))
        case (.post, 1) where segments[0] == "teams": return try await createTeam()
        case (.patch, 1) where segments[0].hasPrefix("teams("): return try await updateTeam(Self.key(segments[0]))
        case (.get, 2) where segments[0].hasPrefix("teams(") && segments[1] == "teamroles_association":
            return try await listTeamRoles(Self.key(segments[0]))
        case (.post, 3) where segments[0].hasPrefix("teams(") && segments[1] == "teamroles_association" && segments[2] == "$ref":
            return try await associateTeamRole(Self.key(segments[0]))
        case (.delete, 3) where segments[0].hasPrefix("teams(") && segments[1] == "teamroles_association" && segments[2] == "$ref":
            guard let reference = QueryString.parse(request.uri.query ?? "")["$id"] else {
                throw TenantError(status: 400, code: "0x80060888", message: "DELETE …/$ref needs ?$id=<role url>.", surface: .dataverse)
            }
            return try await disassociateTeamRole(Self.key(segments[0]), roleReference: reference)
        case (.delete, 3)
        where segments[0].hasPrefix("teams(") && segments[1].hasPrefix("teamroles_association(") && segments[2] == "$ref":
            return try await disassociateTeamRole(Self.key(segments[0]), roleReference: segments[1])
        case (.get, 2) where segments[0].hasPrefix("systemusers(") && segments[1] == "systemuserroles_association":
            return try await listUserRoles(Self.key(segments[0]))
        case (.post, 3) where segments[0].hasPrefix("systemusers(") && segments[1] == "systemuserroles_association" && segments[2] == "$ref":
            return try await associateRole(Self.key(segments[0]))
        case (.delete, 3) where segments[0].hasPrefix("systemusers(") && segments[1] == "systemuserroles_association" && segments[2] == "$ref":
            guard let reference = QueryString.parse(request.uri.query ?? "")["$id"] else {
                throw TenantError(status: 400, code: "0x80060888", message: "DELETE …/$ref needs ?$id=<role url>.", surface: .dataverse)
            }
            return try await disassociateRole(Self.key(segments[0]), roleReference: reference)
        case (.delete, 3)
        where segments[0].hasPrefix("systemusers(") && segments[1].hasPrefix("systemuserroles_association(") && segments[2] == "$ref":
            return try await disassociateRole(Self.key(segments[0]), roleReference: segments[1])
        default:
            throw TenantError(
                status: 501, code: "notSupported", message: "TenantSim does not emulate \(request.method.rawValue) /api/data/…/\(path).",
                surface: .dataverse)
        }
    }

    /// `systemusers(abc)` → `abc`; `systemusers(azureactivedirectoryobjectid=abc)` → `aad:abc`.
    static func key(_ segment: String) -> String {
        guard let open = segment.firstIndex(of: "("), segment.hasSuffix(")") else { return segment }
        let inner = segment[segment.index(after: open)..<segment.index(before: segment.endIndex)]
        if let equals = inner.firstIndex(of: "=") {
            return "aad:" + inner[inner.index(after: equals)...].trimmingCharacters(in: CharacterSet(charactersIn: "'")).lowercased()
        }
        return inner.trimmingCharacters(in: CharacterSet(charactersIn: "'")).lowercased()
    }

    func systemUserJSON(_ row: DataverseUser, user: User?) -> [String: JSONValue] {
        [
            "systemuserid": .string(row.id.rawValue), "azureactivedirectoryobjectid": .string(row.userId.rawValue),
            "domainname": .string(row.domainName), "fullname": .string(row.fullName), "isdisabled": .bool(row.isDisabled),
            "accessmode": .int(row.accessMode.rawValue), "internalemailaddress": .optional(user?.mail),
            "_businessunitid_value": .string(businessUnitId), "createdon": APIResponse.dateTime(row.createdOn),
            "modifiedon": APIResponse.dateTime(row.modifiedOn),
        ]
    }

    /// One root business unit per environment.
    var businessUnitId: String { environment.businessUnitId }

    func select(_ object: [String: JSONValue], _ names: [String]?) -> JSONValue {
        guard let names else { return .object(object) }
        var result: [String: JSONValue] = [:]
        for name in names { result[name] = object[name] ?? .null }
        return .object(result)
    }

    /// A collection with Dataverse's query semantics: `$filter`/`$select` on known columns
    /// (unknown ones → 400 `0x80060888`), `$top` limits without a next link, `Prefer:
    /// odata.maxpagesize=N` pages with `@odata.nextLink` and `Preference-Applied`, `$count=true`
    /// adds `@odata.count` (VERIFIED, powerapps-docs Web API query/page-results docs). The
    /// `$skiptoken` of next links is TenantSim's own (Dataverse's is a paging cookie).
    func collection(_ set: String, entity: String, rows: [[String: JSONValue]], selectable: Set<String>, key: String) throws -> Response {
        var filter: FilterExpression?
        var select: [String]?
        var top: Int?
        var count = false
        var skip = 0
        var carried: [(String, String)] = []
        func unknownProperty(_ name: String) -> TenantError {
            TenantError(
                status: 400, code: "0x80060888", message: "Could not find a property named '\(name)' on type 'Microsoft.Dynamics.CRM.\(entity)'.",
                surface: .dataverse)
        }
        for (name, value) in ODataQuery.pairs(request.uri.query) {
            do { try ParserLimits.checkLength(name, value) } catch let error as TenantError {
                throw TenantError(status: 400, code: "0x80060888", message: error.message, surface: .dataverse)
            }
            switch name.lowercased() {
            case "$filter":
                let expression: FilterExpression
                do { expression = try FilterParser.parse(value) } catch let error as TenantError {
                    throw TenantError(status: 400, code: "0x80060888", message: error.message, surface: .dataverse)
                }
                if let property = expression.properties.first(where: { !selectable.contains($0) }) { throw unknownProperty(property) }
                filter = expression
            case "$select":
                let names = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                if let name = names.first(where: { !selectable.contains($0) }) { throw unknownProperty(name) }
                select = names
            case "$top":
                guard let value = Int(value), value >= 1 else {
                    throw TenantError(status: 400, code: "0x80060888", message: "Invalid value '\(value)' for $top.", surface: .dataverse)
                }
                top = value
            case "$count":
                count = value.lowercased() == "true"
            case "$skiptoken":
                guard let data = Data(base64Encoded: value), let text = String(data: data, encoding: .utf8), text.hasPrefix("offset:"),
                    let offset = Int(text.dropFirst(7)), offset >= 0
                else { throw TenantError(status: 400, code: "0x80060888", message: "Invalid $skiptoken.", surface: .dataverse) }
                skip = offset
                continue
            default:
                if name.hasPrefix("$") {
                    throw TenantError(
                        status: 501, code: "notSupported", message: "TenantSim does not emulate \(name) on the Dataverse Web API.",
                        surface: .dataverse)
                }
            }
            carried.append((name, value))
        }
        let matching = rows.filter { filter?.matches($0) ?? true }
        var headers: HTTPFields = [.init("OData-Version")!: "4.0"]
        var pageSize = top ?? 5000
        if top == nil, let prefer = request.headers[HTTPField.Name("Prefer")!],
            let range = prefer.range(of: "odata.maxpagesize="),
            let size = Int(prefer[range.upperBound...].prefix { $0.isNumber }), size >= 1
        {
            pageSize = size
            headers[HTTPField.Name("Preference-Applied")!] = "odata.maxpagesize=\(size)"
        }
        let start = min(skip, matching.count)
        let end = min(start + pageSize, matching.count)
        let page = matching[start..<end]
        let selectSuffix = select.map { "(\($0.joined(separator: ",")))" } ?? ""
        var body: [String: JSONValue] = [
            "@odata.context": .string("\(base)/$metadata#\(set)\(selectSuffix)"),
            "value": .array(
                page.map { row in
                    var object = self.select(row, select).objectValue ?? [:]
                    object[key] = row[key]
                    return .object(object)
                }),
        ]
        if count { body["@odata.count"] = .int(matching.count) }
        if top == nil, end < matching.count {
            let token = Data("offset:\(end)".utf8).base64EncodedString()
            body["@odata.nextLink"] = .string("\(base)/\(set)?\(QueryString.encode(carried + [("$skiptoken", token)]))")
        }
        return APIResponse.json(.object(body), headers: headers)
    }

    /// `GET EntityDefinitions(LogicalName='systemuser')` (or by MetadataId), with `$select`.
    func entityDefinition(_ segment: String) throws -> Response {
        guard let definition = EntityDefinitions.find(segment) else {
            throw TenantError(
                status: 404, code: "0x80040217", message: "Could not find an entity with the key \(segment.dropFirst("EntityDefinitions".count)).",
                surface: .dataverse)
        }
        var select: [String]?
        for (name, value) in ODataQuery.pairs(request.uri.query) where name.lowercased() == "$select" {
            let names = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if let unknown = names.first(where: { !EntityDefinitions.columns.contains($0) }) {
                throw TenantError(
                    status: 400, code: "0x80060888",
                    message: "Could not find a property named '\(unknown)' on type 'Microsoft.Dynamics.CRM.EntityMetadata'.",
                    surface: .dataverse)
            }
            select = names
        }
        var object = self.select(EntityDefinitions.row(definition), select).objectValue ?? [:]
        object["MetadataId"] = .string(definition.metadataId)
        object["@odata.context"] = .string("\(base)/$metadata#EntityDefinitions\(select.map { "(\($0.joined(separator: ",")))" } ?? "")/$entity")
        return APIResponse.json(.object(object), headers: [.init("OData-Version")!: "4.0"])
    }

    /// `GET /api/data/v9.2/`: the OData service document (the entity sets TenantSim serves).
    func serviceDocument() -> Response {
        let sets = ["businessunits", "roles", "systemusers", "teams"].map { name in
            JSONValue.object(["name": .string(name), "kind": .string("EntitySet"), "url": .string(name)])
        }
        return APIResponse.json(
            .object(["@odata.context": .string("\(base)/$metadata"), "value": .array(sets)]), headers: [.init("OData-Version")!: "4.0"])
    }

    static let roleColumns: Set<String> = ["roleid", "name", "_businessunitid_value"]

    static let userColumns: Set<String> = [
        "systemuserid", "azureactivedirectoryobjectid", "domainname", "fullname", "isdisabled", "accessmode", "internalemailaddress",
        "_businessunitid_value", "createdon", "modifiedon",
    ]

    func userRows() async throws -> [[String: JSONValue]] {
        var rows: [[String: JSONValue]] = []
        for row in try await api.engine.dataverseUsers(in: environment.id) {
            rows.append(systemUserJSON(row, user: try await api.engine.user(id: row.userId)))
        }
        return rows
    }

    func listSystemUsers() async throws -> Response {
        try collection("systemusers", entity: "systemuser", rows: try await userRows(), selectable: Self.userColumns, key: "systemuserid")
    }

    func findUser(_ key: String) async throws -> DataverseUser {
        let rows = try await api.engine.dataverseUsers(in: environment.id)
        let found = key.hasPrefix("aad:") ? rows.first { $0.userId.rawValue == key.dropFirst(4) } : rows.first { $0.id.rawValue == key }
        guard let found else {
            throw TenantError(
                status: 404, code: "0x80040217", message: "systemuser With Id = \(key.replacingOccurrences(of: "aad:", with: "")) Does Not Exist",
                surface: .dataverse)
        }
        return found
    }

    func getSystemUser(_ key: String) async throws -> Response {
        let row = try await findUser(key)
        var object = systemUserJSON(row, user: try await api.engine.user(id: row.userId))
        let query = try ODataQuery.parse(
            ODataQuery.pairs(request.uri.query), consistencyLevel: nil, resource: "systemuser", selectable: Self.userColumns, filterable: [],
            directoryObjects: false)
        object = select(object, query.select).objectValue ?? [:]
        object["systemuserid"] = .string(row.id.rawValue)
        object["@odata.context"] = .string("\(base)/$metadata#systemusers/$entity")
        return APIResponse.json(.object(object))
    }

    func roleRows() async throws -> [[String: JSONValue]] {
        try await api.engine.securityRoles(of: environment.id).map { role in
            ["roleid": .string(role.id.rawValue), "name": .string(role.name), "_businessunitid_value": .string(businessUnitId)]
        }
    }

    func listRoles() async throws -> Response {
        try collection("roles", entity: "role", rows: try await roleRows(), selectable: Self.roleColumns, key: "roleid")
    }

    func listUserRoles(_ key: String) async throws -> Response {
        let row = try await findUser(key)
        let names = try await api.engine.roleNames(of: row.userId, in: environment.id)
        let rows = try await roleRows().filter { names.contains($0["name"]?.stringValue ?? "") }
        return try collection("roles", entity: "role", rows: rows, selectable: Self.roleColumns, key: "roleid")
    }

    /// `…/roles(<id>)` anywhere in a reference → the role id.
    static func roleId(_ reference: String) -> String? {
        guard let range = reference.range(of: "(", options: .backwards), reference.hasSuffix(")") else { return nil }
        return String(reference[range.upperBound..<reference.index(before: reference.endIndex)]).trimmingCharacters(
            in: CharacterSet(charactersIn: "'")
        ).lowercased()
    }

    func associateRole(_ key: String) async throws -> Response {
        let roleId = try await referencedRoleId()
        // By alternate key the engine resolves the Entra user itself, so a user who isn't synced yet
        // meets the rule that says why (pp.dataverse.user-not-yet-synced) rather than a bare 404.
        let target = key.hasPrefix("aad:") ? String(key.dropFirst(4)) : try await findUser(key).id.rawValue
        try await api.engine.assignSecurityRole(roleId, to: target, in: environment.id.rawValue, by: caller, requestId: context.requestId)
        return APIResponse.noContent(headers: [.init("OData-Version")!: "4.0"])
    }

    func disassociateRole(_ key: String, roleReference: String) async throws -> Response {
        let row = try await findUser(key)
        guard let roleId = Self.roleId(roleReference) else {
            throw TenantError(status: 400, code: "0x80060888", message: "Can't read a role id from '\(roleReference)'.", surface: .dataverse)
        }
        try await api.engine.removeSecurityRole(roleId, from: row.id.rawValue, in: environment.id.rawValue, by: caller, requestId: context.requestId)
        return APIResponse.noContent(headers: [.init("OData-Version")!: "4.0"])
    }

    func whoAmI() async throws -> Response {
        var userId = ""
        switch caller {
        case .user(let id, _, _):
            userId = try await api.engine.dataverseUser(for: id, in: environment.id)?.id.rawValue ?? ""
        case .application(let appId, _, _):
            userId = DeterministicIDGenerator(seed: 0).guid(kind: "applicationuser:\(appId)", counter: 0)
        case .system:
            break
        }
        return APIResponse.json(
            .object([
                "@odata.context": .string("\(base)/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse"), "UserId": .string(userId),
                "BusinessUnitId": .string(businessUnitId), "OrganizationId": .string(environment.id.rawValue),
            ]))
    }
}
