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
    ]

    static func properties(_ group: Group, tenant: Tenant?) -> [String: JSONValue] {
        [
            "id": .string(group.id.rawValue), "displayName": .string(group.displayName), "description": .optional(group.description),
            "mailNickname": .string(group.mailNickname), "mailEnabled": .bool(group.mailEnabled),
            "securityEnabled": .bool(group.securityEnabled), "groupTypes": .strings(group.groupTypes),
            "createdDateTime": APIResponse.dateTime(group.createdDateTime),
            "mail": group.mailEnabled ? .string("\(group.mailNickname)@\(tenant?.initialDomain ?? "")") : .null,
        ]
    }

    func query() throws -> ODataQuery {
        try ODataQuery.parse(
            ODataQuery.pairs(graph.request.uri.query), consistencyLevel: graph.request.headers[.init("ConsistencyLevel")!], resource: "Group",
            selectable: Self.selectable, filterable: Self.selectable)
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
        let matching = all.filter { query.filter?.matches($0) ?? true }
        let (page, nextLink) = query.page(query.ordered(matching), baseURL: graph.base, path: "/groups")
        var body: [String: JSONValue] = ["@odata.context": graph.metadata("groups"), "value": .array(page.map { select($0, query.select) })]
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
        var object = select(Self.properties(group, tenant: try await graph.engine.tenant(graph.tenantId.rawValue)), try query().select).objectValue ?? [:]
        object["@odata.context"] = graph.metadata("groups/$entity")
        return APIResponse.json(.object(object))
    }

    func createGroup() async throws -> Response {
        let body = try await graph.body("group")
        try body.allowOnly(["displayName", "description", "mailNickname", "mailEnabled", "securityEnabled", "groupTypes", "members@odata.bind", "owners@odata.bind", "visibility"])
        guard let displayName = try body.string("displayName"), let nickname = try body.string("mailNickname"),
            let mailEnabled = try body.bool("mailEnabled"), let securityEnabled = try body.bool("securityEnabled")
        else {
            throw TenantError.badRequest("A group needs displayName, mailNickname, mailEnabled and securityEnabled.")
        }
        let draft = GroupDraft(
            displayName: displayName, description: try body.string("description"), mailNickname: nickname, mailEnabled: mailEnabled,
            securityEnabled: securityEnabled, groupTypes: try body.strings("groupTypes") ?? [])
        let group = try await graph.engine.createGroup(draft, in: graph.tenantId, by: graph.caller, requestId: graph.context.requestId)
        var object = Self.properties(group, tenant: try await graph.engine.tenant(graph.tenantId.rawValue))
        object["@odata.context"] = graph.metadata("groups/$entity")
        return APIResponse.json(.object(object), status: .created)
    }

    func listMembers(_ id: String) async throws -> Response {
        try await graph.authorize(GraphPermissions.readGroups)
        let group = try await requireGroup(id)
        var members: [JSONValue] = []
        for membership in try await graph.engine.memberships(of: group.id) {
            switch membership.memberKind {
            case .user:
                guard let user = try await graph.engine.user(id: UserID(membership.memberId)) else { continue }
                var object = UserRepresentation.json(UserRepresentation.properties(user, licenses: nil), select: nil).objectValue ?? [:]
                object["@odata.type"] = .string("#microsoft.graph.user")
                members.append(.object(object))
            case .group:
                guard let nested = try await graph.engine.group(GroupID(membership.memberId)) else { continue }
                var object = Self.properties(nested, tenant: nil)
                object["@odata.type"] = .string("#microsoft.graph.group")
                members.append(.object(object))
            }
        }
        let query = try ODataQuery.parse(
            ODataQuery.pairs(graph.request.uri.query), consistencyLevel: nil, resource: "DirectoryObject",
            selectable: UserRepresentation.selectable.union(Self.selectable), filterable: [])
        let (page, nextLink) = query.page(members, baseURL: graph.base, path: "/groups/\(group.id)/members")
        var body: [String: JSONValue] = ["@odata.context": graph.metadata("directoryObjects"), "value": .array(Array(page))]
        if let nextLink { body["@odata.nextLink"] = .string(nextLink) }
        return APIResponse.json(.object(body))
    }

    /// `POST /groups/{id}/members/$ref` with `{"@odata.id": ".../directoryObjects/{id}"}`.
    func addMember(_ id: String) async throws -> Response {
        let body = try await graph.body("group")
        guard case .string(let reference)? = body.object["@odata.id"] else {
            throw TenantError.badRequest("The request needs an @odata.id naming the member, e.g. https://graph.microsoft.com/v1.0/directoryObjects/{id}.")
        }
        guard let memberId = reference.split(separator: "/").last.map({ String($0).lowercased() }), !memberId.isEmpty else {
            throw TenantError.badRequest("Invalid @odata.id '\(reference)'.")
        }
        let clean = memberId.replacingOccurrences(of: "directoryobjects('", with: "").replacingOccurrences(of: "')", with: "")
        try await graph.engine.addGroupMember(clean, to: GroupID(id.lowercased()), in: graph.tenantId, by: graph.caller, requestId: graph.context.requestId)
        return APIResponse.noContent()
    }

    func removeMember(_ id: String, memberId: String) async throws -> Response {
        try await graph.engine.removeGroupMember(memberId.lowercased(), from: GroupID(id.lowercased()), in: graph.tenantId, by: graph.caller, requestId: graph.context.requestId)
        return APIResponse.noContent()
    }
}
