import Foundation
import TenantModel
import TenantRules
import TenantStore

/// The writable properties of `POST /groups`.
public struct GroupDraft: Sendable, Hashable, Codable {
    public var displayName: String
    public var description: String?
    public var mailNickname: String
    public var mailEnabled: Bool
    public var securityEnabled: Bool
    public var groupTypes: [String]

    public init(
        displayName: String, description: String? = nil, mailNickname: String, mailEnabled: Bool, securityEnabled: Bool, groupTypes: [String] = []
    ) {
        self.displayName = displayName
        self.description = description
        self.mailNickname = mailNickname
        self.mailEnabled = mailEnabled
        self.securityEnabled = securityEnabled
        self.groupTypes = groupTypes
    }
}

extension TenantEngine {
    /// `POST /groups`: a security group or a Microsoft 365 group (`groupTypes: ["Unified"]`).
    public func createGroup(
        _ draft: GroupDraft, in tenantId: TenantID, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) -> Group {
        try await perform(.createGroup, caller: caller, tenantId: tenantId, requestId: requestId) { scope in
            let tenant = try scope.requireTenant(tenantId)
            let context = DirectoryChangeContext(
                caller: try scope.callerFacts(in: tenant.id), permission: GraphPermissions.createGroup, tenant: tenant,
                summary: "create the group '\(draft.displayName)'")
            try scope.enforce(OperationRules.createGroup.decide(context))
            let unified = draft.groupTypes.contains("Unified")
            if draft.displayName.isEmpty || draft.displayName.count > 256 {
                throw TenantError.badRequest("Invalid value specified for property 'displayName' of resource 'Group'.")
            }
            if !unified && !draft.securityEnabled {
                throw TenantError.badRequest("A group must be security enabled or a Microsoft 365 group (groupTypes: [\"Unified\"]).")
            }
            if draft.mailEnabled && !unified {
                throw TenantError.badRequest("Mail-enabled security groups can't be created through Microsoft Graph.")
            }
            let group = Group(
                id: try scope.newID(), tenantId: tenant.id, displayName: draft.displayName, description: draft.description,
                mailNickname: draft.mailNickname, mailEnabled: draft.mailEnabled, securityEnabled: draft.securityEnabled,
                groupTypes: draft.groupTypes, createdDateTime: scope.now)
            try scope.tx.insert(group)
            try Consistency.startReplicating(group.id.rawValue, kind: "group", tenant: tenant.id, scope: scope)
            scope.target = group.id.rawValue
            return group
        }
    }

    /// `POST /groups/{id}/members/$ref`: adds a user or group as a direct member.
    public func addGroupMember(
        _ memberId: String, to groupId: GroupID, in tenantId: TenantID, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) {
        try await perform(.addGroupMember, caller: caller, tenantId: tenantId, requestId: requestId) { scope in
            let (group, kind) = try GroupChange.prepare(scope, memberId: memberId, groupId: groupId, tenantId: tenantId, verb: "add")
            if try scope.tx.isDirectMember(memberId, of: group.id) {
                throw TenantError.alreadyExists(
                    "One or more added object references already exist for the following modified properties: 'members'.")
            }
            try scope.tx.insert(GroupMembership(tenantId: tenantId, groupId: group.id, memberId: memberId, memberKind: kind))
            if kind == .user { scope.touchedUsers.insert(UserID(memberId)) }
        }
    }

    /// `DELETE /groups/{id}/members/{memberId}/$ref`.
    public func removeGroupMember(
        _ memberId: String, from groupId: GroupID, in tenantId: TenantID, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) {
        try await perform(.removeGroupMember, caller: caller, tenantId: tenantId, requestId: requestId) { scope in
            let (group, kind) = try GroupChange.prepare(scope, memberId: memberId, groupId: groupId, tenantId: tenantId, verb: "remove")
            guard try scope.tx.delete(membershipOf: memberId, in: group.id) else { throw TenantError.notFound(memberId) }
            if kind == .user { scope.touchedUsers.insert(UserID(memberId)) }
        }
    }
}

/// Loading and deciding shared by membership changes.
enum GroupChange {
    static func prepare(
        _ scope: OperationScope, memberId: String, groupId: GroupID, tenantId: TenantID, verb: String
    ) throws -> (Group, GroupMembership.MemberKind) {
        let tenant = try scope.requireTenant(tenantId)
        let facts = try scope.callerFacts(in: tenant.id)
        guard let group = try scope.tx.group(groupId), group.tenantId == tenant.id else { throw TenantError.notFound(groupId.rawValue) }
        scope.target = "\(group.id)/\(memberId)"
        let kind: GroupMembership.MemberKind
        let name: String
        if let user = try scope.tx.user(UserID(memberId)), user.tenantId == tenant.id, !user.isDeleted {
            kind = .user
            name = user.label
        } else if let nested = try scope.tx.group(GroupID(memberId)), nested.tenantId == tenant.id {
            kind = .group
            name = nested.displayName
        } else {
            throw TenantError.notFound(memberId)
        }
        let context = DirectoryChangeContext(
            caller: facts, permission: GraphPermissions.changeGroupMembers, tenant: tenant,
            summary: "\(verb) \(name) \(verb == "add" ? "to" : "from") the group '\(group.displayName)'", group: group,
            callerOwnsGroup: try ownsGroup(scope, facts: facts, group: group))
        if verb == "add" {
            try Consistency.requireVisible(group.id.rawValue, kind: "group", operation: .addGroupMember, action: "add members to it", scope: scope)
            try Consistency.requireVisible(
                memberId, kind: kind == .user ? "user" : "group", operation: .addGroupMember, action: "add it to a group", scope: scope)
        }
        try scope.enforce((verb == "add" ? OperationRules.addGroupMember : OperationRules.removeGroupMember).decide(context))
        return (group, kind)
    }

    /// Whether the signed-in caller is one of `group`'s owners.
    static func ownsGroup(_ scope: OperationScope, facts: CallerFacts, group: Group) throws -> Bool {
        facts.isUser ? try scope.tx.isOwner(UserID(facts.id), of: group.id) : false
    }
}

extension TenantEngine {
    /// `POST /groups/{id}/owners/$ref`: makes a user of the tenant an owner of the group.
    public func addGroupOwner(
        _ ownerId: String, to groupId: GroupID, in tenantId: TenantID, by caller: Caller, requestId: String? = nil
    )
        async throws(TenantError)
    {
        try await perform(.addGroupOwner, caller: caller, tenantId: tenantId, requestId: requestId) { scope in
            let (group, owner) = try GroupOwnerChange.prepare(scope, ownerId: ownerId, groupId: groupId, tenantId: tenantId, adding: true)
            try Consistency.requireVisible(group.id.rawValue, kind: "group", operation: .addGroupOwner, action: "add owners to it", scope: scope)
            try Consistency.requireVisible(
                owner.id.rawValue, kind: "user", operation: .addGroupOwner, action: "make it an owner of a group", scope: scope)
            if try scope.tx.isOwner(owner.id, of: group.id) {
                throw TenantError.alreadyExists("One or more added object references already exist for the following modified properties: 'owners'.")
            }
            try scope.tx.insert(GroupOwner(tenantId: tenantId, groupId: group.id, ownerId: owner.id))
        }
    }

    /// `DELETE /groups/{id}/owners/{ownerId}/$ref`.
    public func removeGroupOwner(
        _ ownerId: String, from groupId: GroupID, in tenantId: TenantID, by caller: Caller, requestId: String? = nil
    )
        async throws(TenantError)
    {
        try await perform(.removeGroupOwner, caller: caller, tenantId: tenantId, requestId: requestId) { scope in
            let (group, owner) = try GroupOwnerChange.prepare(scope, ownerId: ownerId, groupId: groupId, tenantId: tenantId, adding: false)
            guard try scope.tx.delete(owner: owner.id, of: group.id) else { throw TenantError.notFound(ownerId) }
        }
    }

    /// The owners of a group, as users.
    public func owners(of groupId: GroupID, in tenantId: TenantID) async throws(TenantError) -> [User] {
        try await read { tx in
            guard let group = try tx.group(groupId), group.tenantId == tenantId else { throw TenantError.notFound(groupId.rawValue) }
            return try tx.owners(of: group.id).compactMap { try tx.user($0.ownerId) }.filter { !$0.isDeleted }
        }
    }
}

/// Loading and deciding shared by owner changes (the same rules as membership changes).
enum GroupOwnerChange {
    static func prepare(
        _ scope: OperationScope, ownerId: String, groupId: GroupID, tenantId: TenantID, adding: Bool
    ) throws -> (Group, User) {
        let tenant = try scope.requireTenant(tenantId)
        let facts = try scope.callerFacts(in: tenant.id)
        guard let group = try scope.tx.group(groupId), group.tenantId == tenant.id else { throw TenantError.notFound(groupId.rawValue) }
        guard let owner = try scope.tx.user(UserID(ownerId.lowercased())), owner.tenantId == tenant.id, !owner.isDeleted else {
            throw TenantError.notFound(ownerId)
        }
        scope.target = "\(group.id)/owners/\(owner.id)"
        let context = DirectoryChangeContext(
            caller: facts, permission: GraphPermissions.changeGroupOwners, tenant: tenant,
            summary: "\(adding ? "make" : "remove") \(owner.label) \(adding ? "an owner of" : "as an owner of") the group '\(group.displayName)'",
            group: group, callerOwnsGroup: try GroupChange.ownsGroup(scope, facts: facts, group: group))
        try scope.enforce((adding ? OperationRules.addGroupOwner : OperationRules.removeGroupOwner).decide(context))
        return (group, owner)
    }
}
