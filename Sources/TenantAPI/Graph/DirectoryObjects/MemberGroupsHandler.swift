import Foundation
import Hummingbird
import TenantEngine
import TenantModel
import TenantRules

/// Graph's directoryObject functions on users, groups and `directoryObjects`: `checkMemberGroups`,
/// `getMemberGroups`, `checkMemberObjects` and `getMemberObjects`. Membership is transitive, as
/// Graph counts it (a user in a group nested in another is in both). TenantSim's directory objects
/// that have members are groups, so the "objects" functions answer groups too.
struct MemberGroupsHandler {
    let graph: GraphRequest

    /// The most ids one `check…` call may name (Graph's documented limit for checkMemberGroups).
    static let checkLimit = 20

    /// The user or group `key` names in the caller's tenant (a `directoryObjects/{id}` may be either).
    func subject(_ key: String, kind: SubjectKind) async throws -> String {
        switch kind {
        case .user: return try await graph.engine.user(key, in: graph.tenantId).id.rawValue
        case .group: return try await GroupsHandler(graph: graph).requireGroup(key).id.rawValue
        case .directoryObject:
            if let user = try? await graph.engine.user(key, in: graph.tenantId) { return user.id.rawValue }
            return try await GroupsHandler(graph: graph).requireGroup(key).id.rawValue
        }
    }

    enum SubjectKind { case user, group, directoryObject }

    /// `check…`: the ids among `groupIds` / `ids` that the subject is a member of, in request order.
    func check(_ key: String, kind: SubjectKind, parameter: String) async throws -> Response {
        try await graph.authorize(GraphPermissions.readMemberGroups)
        let body = try await graph.body("directoryObject")
        try body.allowOnly([parameter])
        guard let ids = try body.strings(parameter) else {
            throw TenantError.badRequest("The request needs '\(parameter)', a list of object ids.", code: "Request_BadRequest")
        }
        guard ids.count <= Self.checkLimit else {
            throw TenantError.badRequest(
                "'\(parameter)' names \(ids.count) ids; at most \(Self.checkLimit) may be checked in one call.", code: "Request_BadRequest")
        }
        for id in ids where UUID(uuidString: id) == nil {
            throw TenantError.badRequest("Invalid object identifier '\(id.prefix(80))'.", code: "Request_BadRequest")
        }
        let member = try await subject(key, kind: kind)
        let groups = Set(try await graph.engine.groupIds(ofMember: member, transitive: true).map { $0.rawValue })
        let matching = ids.filter { groups.contains($0.lowercased()) }
        return answer(matching)
    }

    /// `get…`: every group the subject is a member of (security-enabled ones only when asked).
    func get(_ key: String, kind: SubjectKind) async throws -> Response {
        try await graph.authorize(GraphPermissions.readMemberGroups)
        let body = try await graph.body("directoryObject")
        try body.allowOnly(["securityEnabledOnly"])
        guard let securityOnly = try body.bool("securityEnabledOnly") else {
            throw TenantError.badRequest("The request needs 'securityEnabledOnly' (true or false).", code: "Request_BadRequest")
        }
        let member = try await subject(key, kind: kind)
        var ids: [String] = []
        for id in try await graph.engine.groupIds(ofMember: member, transitive: true) {
            guard let group = try await graph.engine.group(id) else { continue }
            if !securityOnly || group.securityEnabled { ids.append(id.rawValue) }
        }
        return answer(ids)
    }

    func answer(_ ids: [String]) -> Response {
        APIResponse.json(.object(["@odata.context": graph.metadata("Collection(Edm.String)"), "value": .strings(ids)]))
    }
}
