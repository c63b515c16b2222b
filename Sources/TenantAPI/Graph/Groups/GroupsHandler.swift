import Foundation
import Hummingbird
import TenantEngine
import TenantModel
import TenantRules

/// `/groups`, `/groups/{id}`, `/groups/{id}/members` and `members/$ref`.
struct GroupsHandler {
    let graph: GraphRequest

    static let selectable: Set<String> = [
        "id", "displayName", "description", "mailNickname", "mailEnabled", "securityEnabled", "groupTypes", "createdDateTime", "mail",
        "hasMembersWithLicenseErrors", "proxyAddresses", "visibility", "securityIdentifier", "assignedLicenses",
    ]

    /// Multi-valued group properties: `$filter` reaches them through `any` (`groupTypes/any(c:c eq 'Unified')`).
    static let collections: Set<String> = ["groupTypes", "proxyAddresses", "assignedLicenses"]

    static func properties(_ group: Group, tenant: Tenant?) -> [String: JSONValue] {
        [
            "id": .string(group.id.rawValue), "displayName": .string(group.displayName), "description": .optional(group.description),
            "mailNickname": .string(group.mailNickname), "mailEnabled": .bool(group.mailEnabled),
            "securityEnabled": .bool(group.securityEnabled), "groupTypes": .strings(group.groupTypes),
            "createdDateTime": APIResponse.dateTime(group.createdDateTime),
            "mail": group.mailEnabled ? .string("\(group.mailNickname)@\(tenant?.initialDomain ?? "")") : .null,
            // TenantSim has no group-based licensing, so no group has members with licence errors.
            "hasMembersWithLicenseErrors": .bool(false), "assignedLicenses": .array([]),
            "proxyAddresses": .strings(group.mailEnabled ? ["SMTP:\(group.mailNickname)@\(tenant?.initialDomain ?? "")"] : []),
            "visibility": .null, "securityIdentifier": .null,
        ]
    }

    func query() throws -> ODataQuery {
        try ODataQuery.parse(
            ODataQuery.pairs(graph.request.uri.query), consistencyLevel: graph.request.headers[.init("ConsistencyLevel")!], resource: "Group",
            selectable: Self.selectable, filterable: Self.selectable, collections: Self.collections, expandable: ["members"],
            searchable: ["displayName", "description", "mail", "mailNickname", "proxyAddresses"])
    }

    func select(_ object: [String: JSONValue], _ select: [String]?) -> JSONValue {
        guard let select else { return .object(object) }
        var result: [String: JSONValue] = ["id": object["id"] ?? .null]
        for key in select { result[key] = object[key] ?? .null }
        return .object(result)
    }

    func listGroups() async throws -> Response {
        try await graph.authorize(GraphPermissions.readGroups)
        let query = try query()
        let tenant = try await graph.engine.tenant(graph.tenantId.rawValue)
        let all = try await graph.engine.groups(in: graph.tenantId).map { Self.properties($0, tenant: tenant) }
        let matching = all.filter { query.matches($0) }
        let (page, nextLink) = query.page(query.ordered(matching), baseURL: graph.base, path: "/groups")
        var items: [JSONValue] = []
        for group in page { items.append(try await expanded(select(group, query.select), query: query)) }
        let context = "groups" + (query.select.map { "(\($0.joined(separator: ",")))" } ?? "")
        var body: [String: JSONValue] = ["@odata.context": graph.metadata(context), "value": .array(items)]
        if query.count && query.skip == 0 { body["@odata.count"] = .int(matching.count) }
        if let nextLink { body["@odata.nextLink"] = .string(nextLink) }
        return APIResponse.json(.object(body))
    }

    func requireGroup(_ id: String) async throws -> Group {
        guard let group = try await graph.engine.group(GroupID(id.lowercased())), group.tenantId == graph.tenantId else {
            throw TenantError.notFound(id)
        }
        return group
    }

    func getGroup(_ id: String) async throws -> Response {
        try await graph.authorize(GraphPermissions.readGroups)
        let group = try await requireGroup(id)
        try await graph.engine.requireReplicated(group.id.rawValue, kind: "group", operation: .getGroup, by: graph.caller)
        let query = try query()
        var object =
            try await expanded(
                select(Self.properties(group, tenant: try await graph.engine.tenant(graph.tenantId.rawValue)), query.select), query: query
            ).objectValue ?? [:]
        object["@odata.context"] = graph.metadata("groups/$entity")
        return APIResponse.json(.object(object))
    }

    func createGroup() async throws -> Response {
        let body = try await graph.body("group")
        try body.allowOnly([
            "displayName", "description", "mailNickname", "mailEnabled", "securityEnabled", "groupTypes", "members@odata.bind", "owners@odata.bind",
            "visibility",
        ])
        guard let displayName = try body.string("displayName"), let nickname = try body.string("mailNickname"),
            let mailEnabled = try body.bool("mailEnabled"), let securityEnabled = try body.bool("securityEnabled")
        else {
            throw TenantError.badRequest("A group needs displayName, mailNickname, mailEnabled and securityEnabled.")
        }
        // Graph refuses a mail nickname with characters outside ASCII letters, digits and a few marks.
        let forbidden = CharacterSet(charactersIn: "@()\\[]\";:<>, ").union(.whitespacesAndNewlines)
        guard nickname.count <= 64, nickname.unicodeScalars.allSatisfy({ $0.isASCII && !forbidden.contains($0) }) else {
            throw TenantError.badRequest("Invalid value specified for property 'mailNickname' of resource 'Group'.")
        }
        let draft = GroupDraft(
            displayName: displayName, description: try body.string("description"), mailNickname: nickname, mailEnabled: mailEnabled,
            securityEnabled: securityEnabled, groupTypes: try body.strings("groupTypes") ?? [])
        let group = try await graph.engine.createGroup(draft, in: graph.tenantId, by: graph.caller, requestId: graph.context.requestId)
        var object = Self.properties(group, tenant: try await graph.engine.tenant(graph.tenantId.rawValue))
        object["@odata.context"] = graph.metadata("groups/$entity")
        return APIResponse.json(.object(object), status: .created)
    }

    /// `GET /groups/{id}/members`, or with an OData cast (`…/members/microsoft.graph.user`) only
    /// the members of one kind. `$select` picks properties of either kind.
    func listMembers(_ id: String, only kind: GroupMembership.MemberKind? = nil) async throws -> Response {
        try await graph.authorize(GraphPermissions.readGroups)
        let group = try await requireGroup(id)
        let query = try ODataQuery.parse(
            ODataQuery.pairs(graph.request.uri.query), consistencyLevel: graph.request.headers[.init("ConsistencyLevel")!],
            resource: kind == .group ? "Group" : kind == .user ? "User" : "DirectoryObject",
            selectable: kind == .group
                ? Self.selectable : kind == .user ? UserRepresentation.selectable : UserRepresentation.selectable.union(Self.selectable),
            filterable: kind == .group ? Self.selectable : UserRepresentation.filterable.union(Self.selectable),
            collections: UserRepresentation.collections.union(Self.collections))
        let withLicenses = UserRepresentation.needsLicenses(query.select) || query.filter?.properties.contains("assignedLicenses") == true
        var matching: [(GroupMembership.MemberKind, [String: JSONValue])] = []
        for membership in try await graph.engine.memberships(of: group.id) where kind == nil || membership.memberKind == kind {
            guard let properties = try await memberProperties(membership.memberId, kind: membership.memberKind, licenses: withLicenses) else {
                continue
            }
            if query.matches(properties) { matching.append((membership.memberKind, properties)) }
        }
        let members = matching.map { render($0.1, kind: $0.0, select: query.select, typed: kind == nil) }
        let cast = kind.map { "/microsoft.graph.\($0.rawValue)" } ?? ""
        let (page, nextLink) = query.page(members, baseURL: graph.base, path: "/groups/\(group.id)/members\(cast)")
        let context = kind == .user ? "users" : kind == .group ? "groups" : "directoryObjects"
        var body: [String: JSONValue] = [
            "@odata.context": graph.metadata(context + (query.select.map { "(\($0.joined(separator: ",")))" } ?? "")), "value": .array(Array(page)),
        ]
        if query.count && query.skip == 0 { body["@odata.count"] = .int(members.count) }
        if let nextLink { body["@odata.nextLink"] = .string(nextLink) }
        return APIResponse.json(.object(body))
    }

    /// A member's wire properties (a user's or a group's); deleted users are left out.
    func memberProperties(_ id: String, kind: GroupMembership.MemberKind, licenses withLicenses: Bool) async throws -> [String: JSONValue]? {
        switch kind {
        case .user:
            guard let user = try await graph.engine.user(id: UserID(id)), !user.isDeleted else { return nil }
            return UserRepresentation.properties(user, licenses: withLicenses ? try await graph.engine.licenses(of: user.id) : nil)
        case .group:
            guard let nested = try await graph.engine.group(GroupID(id)) else { return nil }
            return Self.properties(nested, tenant: try await graph.engine.tenant(nested.tenantId.rawValue))
        }
    }

    /// A member as Graph lists it: its properties (or the selected ones) and, in a mixed list,
    /// its `@odata.type`.
    func render(_ properties: [String: JSONValue], kind: GroupMembership.MemberKind, select: [String]?, typed: Bool) -> JSONValue {
        var object: [String: JSONValue]
        switch kind {
        case .user:
            object = UserRepresentation.json(properties, select: select?.filter { UserRepresentation.selectable.contains($0) }).objectValue ?? [:]
        case .group: object = self.select(properties, select?.filter { Self.selectable.contains($0) }).objectValue ?? [:]
        }
        if typed { object["@odata.type"] = .string("#microsoft.graph.\(kind.rawValue)") }
        return .object(object)
    }

    func directoryObject(_ id: String, kind: GroupMembership.MemberKind, select: [String]?, typed: Bool) async throws -> JSONValue? {
        guard let properties = try await memberProperties(id, kind: kind, licenses: UserRepresentation.needsLicenses(select)) else { return nil }
        return render(properties, kind: kind, select: select, typed: typed)
    }

    /// Graph returns at most this many objects in an expanded navigation property.
    static let expandLimit = 20

    /// `group` with `members` added when the query expands them.
    func expanded(_ group: JSONValue, query: ODataQuery) async throws -> JSONValue {
        guard let expand = query.expand, case .object(var object) = group, case .string(let id)? = object["id"] else { return group }
        var members: [JSONValue] = []
        for membership in try await graph.engine.memberships(of: GroupID(id)) where members.count < Self.expandLimit {
            if let member = try await directoryObject(membership.memberId, kind: membership.memberKind, select: expand.select, typed: true) {
                members.append(member)
            }
        }
        object[expand.property] = .array(members)
        return .object(object)
    }

    /// The groups `userId` is a direct member of, as directory objects.
    func memberOf(_ userId: UserID, select: [String]?, limit: Int = .max) async throws -> [JSONValue] {
        var groups: [JSONValue] = []
        for id in try await graph.engine.groupIds(ofMember: userId.rawValue) where groups.count < limit {
            if let object = try await directoryObject(id.rawValue, kind: .group, select: select, typed: true) { groups.append(object) }
        }
        return groups
    }

    /// `GET /users/{id}/memberOf` (direct) and `…/transitiveMemberOf` (through nested groups too):
    /// the groups a user belongs to, typed `#microsoft.graph.group`.
    func listMemberOf(_ key: String, transitive: Bool, countOnly: Bool = false) async throws -> Response {
        let user = try await graph.engine.user(key, in: graph.tenantId)
        let query = try ODataQuery.parse(
            ODataQuery.pairs(graph.request.uri.query), consistencyLevel: graph.request.headers[.init("ConsistencyLevel")!],
            resource: "Group", selectable: Self.selectable, filterable: Self.selectable, collections: Self.collections)
        let found = try await graph.engine.groupIds(ofMember: user.id.rawValue, transitive: transitive)
        var matching: [[String: JSONValue]] = []
        for id in found {
            guard let group = try await graph.engine.group(id) else { continue }
            let properties = Self.properties(group, tenant: try await graph.engine.tenant(group.tenantId.rawValue))
            if query.matches(properties) { matching.append(properties) }
        }
        if countOnly { return try countAnswer(matching.count) }
        let groups = query.ordered(matching).map { properties -> JSONValue in
            var object = select(properties, query.select).objectValue ?? [:]
            object["@odata.type"] = .string("#microsoft.graph.group")
            return .object(object)
        }
        let segment = transitive ? "transitiveMemberOf" : "memberOf"
        let (page, nextLink) = query.page(groups, baseURL: graph.base, path: "/users/\(user.id)/\(segment)")
        var body: [String: JSONValue] = ["@odata.context": graph.metadata("directoryObjects"), "value": .array(Array(page))]
        if query.count && query.skip == 0 { body["@odata.count"] = .int(groups.count) }
        if let nextLink { body["@odata.nextLink"] = .string(nextLink) }
        return APIResponse.json(.object(body))
    }

    /// A `…/$count` segment's answer: `text/plain`, only with `ConsistencyLevel: eventual`.
    func countAnswer(_ count: Int) throws -> Response {
        try graph.requireCountConsistency()
        return APIResponse.text(String(count))
    }

    /// `GET /groups/{id}/members/$count`.
    func countMembers(_ id: String) async throws -> Response {
        try await graph.authorize(GraphPermissions.readGroups)
        let group = try await requireGroup(id)
        return try countAnswer(try await graph.engine.memberships(of: group.id).count)
    }

    /// `GET /groups/$count` — needs `ConsistencyLevel: eventual`; answers `text/plain`.
    func countGroups() async throws -> Response {
        try await graph.authorize(GraphPermissions.readGroups)
        try graph.requireCountConsistency()
        let query = try query()
        let tenant = try await graph.engine.tenant(graph.tenantId.rawValue)
        let count = try await graph.engine.groups(in: graph.tenantId).filter { query.matches(Self.properties($0, tenant: tenant)) }.count
        return APIResponse.text(String(count))
    }

    /// `POST /groups/{id}/members/$ref` with `{"@odata.id": ".../directoryObjects/{id}"}`.
    func addMember(_ id: String) async throws -> Response {
        let memberId = try await referencedObjectId(role: "member")
        try await graph.engine.addGroupMember(
            memberId, to: GroupID(id.lowercased()), in: graph.tenantId, by: graph.caller, requestId: graph.context.requestId)
        return APIResponse.noContent()
    }

    /// The object id a `$ref` body names: `{"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}"}`.
    func referencedObjectId(role: String) async throws -> String {
        let body = try await graph.body("group")
        guard case .string(let reference)? = body.object["@odata.id"] else {
            throw TenantError.badRequest(
                "The request needs an @odata.id naming the \(role), e.g. https://graph.microsoft.com/v1.0/directoryObjects/{id}.")
        }
        guard let last = reference.split(separator: "/").last.map({ String($0).lowercased() }), !last.isEmpty else {
            throw TenantError.badRequest("Invalid @odata.id '\(reference)'.")
        }
        return last.replacingOccurrences(of: "directoryobjects('", with: "").replacingOccurrences(of: "')", with: "")
    }

    func removeMember(_ id: String, memberId: String) async throws -> Response {
        try await graph.engine.removeGroupMember(
            memberId.lowercased(), from: GroupID(id.lowercased()), in: graph.tenantId, by: graph.caller, requestId: graph.context.requestId)
        return APIResponse.noContent()
    }
}
