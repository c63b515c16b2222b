import Foundation
import Hummingbird
import TenantEngine
import TenantModel
import TenantRules

/// `/groups/{id}/owners`: list, add (`$ref`) and remove the owners of a group (Graph's
/// group-list-owners, group-post-owners, group-delete-owners). Owners may manage the group's
/// members without a directory role (`directory.group.update-not-allowed`).
struct GroupOwnersHandler {
    let graph: GraphRequest

    var groups: GroupsHandler { GroupsHandler(graph: graph) }

    func listOwners(_ id: String) async throws -> Response {
        try await graph.authorize(GraphPermissions.readGroupOwners)
        let group = try await groups.requireGroup(id)
        let query = try ODataQuery.parse(
            ODataQuery.pairs(graph.request.uri.query), consistencyLevel: graph.request.headers[.init("ConsistencyLevel")!],
            resource: "DirectoryObject", selectable: UserRepresentation.selectable, filterable: UserRepresentation.filterable,
            collections: UserRepresentation.collections)
        let owners = try await graph.engine.owners(of: group.id, in: graph.tenantId)
        let matching = owners.map { UserRepresentation.properties($0, licenses: nil) }.filter(query.matches)
        let rendered = matching.map { groups.render($0, kind: .user, select: query.select, typed: true) }
        let (page, nextLink) = query.page(rendered, baseURL: graph.base, path: "/groups/\(group.id)/owners")
        var body: [String: JSONValue] = ["@odata.context": graph.metadata("directoryObjects"), "value": .array(Array(page))]
        if let nextLink { body["@odata.nextLink"] = .string(nextLink) }
        return APIResponse.json(.object(body))
    }

    func addOwner(_ id: String) async throws -> Response {
        let ownerId = try await groups.referencedObjectId(role: "owner")
        try await graph.engine.addGroupOwner(
            ownerId, to: GroupID(id.lowercased()), in: graph.tenantId, by: graph.caller, requestId: graph.context.requestId)
        return APIResponse.noContent()
    }

    func removeOwner(_ id: String, ownerId: String) async throws -> Response {
        try await graph.engine.removeGroupOwner(
            ownerId.lowercased(), from: GroupID(id.lowercased()), in: graph.tenantId, by: graph.caller, requestId: graph.context.requestId)
        return APIResponse.noContent()
    }
}
