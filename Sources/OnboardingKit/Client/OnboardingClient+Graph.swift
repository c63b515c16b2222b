import Foundation
import HTTPTypes

/// Microsoft Graph v1.0: invitations, users, licences, groups, the authorization policy.
extension OnboardingClient {
    var graph: String { endpoints.graphHost }
    var graphScope: String { endpoints.graphScope }

    /// `POST /invitations`: invites a guest. Inviting an address that already has a guest returns
    /// that same user (with a new redeem URL).
    public func invite(_ invitation: GuestInvitation) async throws -> InvitationResult {
        let reply = try await send(.post, authority: graph, path: "/v1.0/invitations", scope: graphScope, body: try Self.json(invitation))
        return try Self.decode(InvitationResult.self, reply)
    }

    /// `GET /users/{id | userPrincipalName}`, or `nil` when there is no such user. With
    /// `waitForReplication` (a user this run just created) a "not found" is retried with back-off
    /// while the user replicates; otherwise it is the answer at once.
    public func user(_ idOrUPN: String, waitForReplication: Bool = false) async throws -> DirectoryUser? {
        do {
            return try await get(
                DirectoryUser.self, authority: graph,
                path: "/v1.0/users/\(Self.segment(idOrUPN))?" + Self.query([("$select", DirectoryUser.selectList)]),
                scope: graphScope, waitForReplication: waitForReplication)
        } catch let error as GraphError where error.status == 404 {
            return nil
        }
    }

    /// The user whose `mail` or `userPrincipalName` is `address` (a guest's invited address), or `nil`.
    public func user(withAddress address: String) async throws -> DirectoryUser? {
        let literal = Self.literal(address.trimmingCharacters(in: .whitespaces))
        return try await users(filter: "mail eq \(literal) or userPrincipalName eq \(literal)").first
    }

    /// `GET /users` with an optional `$filter`, every page, with the properties of ``DirectoryUser``.
    public func users(filter: String? = nil, top: Int? = nil) async throws -> [DirectoryUser] {
        var pairs: [(String, String)] = []
        if let filter { pairs.append(("$filter", filter)) }
        pairs.append(("$select", DirectoryUser.selectList))
        if let top { pairs.append(("$top", String(top))) }
        return try await collection(DirectoryUser.self, authority: graph, path: "/v1.0/users?" + Self.query(pairs), scope: graphScope)
    }

    /// `PATCH /users/{id}`: names and usage location.
    public func updateUser(_ id: String, _ update: UserUpdate) async throws {
        _ = try await send(.patch, authority: graph, path: "/v1.0/users/\(Self.segment(id))", scope: graphScope, body: try Self.json(update))
    }

    /// `GET /subscribedSkus`.
    public func subscribedSkus() async throws -> [SubscribedSku] {
        try await collection(SubscribedSku.self, authority: graph, path: "/v1.0/subscribedSkus", scope: graphScope)
    }

    /// The tenant's subscription with `partNumber` (e.g. `POWERAPPS_PER_USER`), or `nil`.
    public func sku(partNumber: String) async throws -> SubscribedSku? {
        try await subscribedSkus().first { $0.skuPartNumber.lowercased() == partNumber.lowercased() }
    }

    /// `POST /users/{id}/assignLicense` adding one SKU.
    public func assignLicense(skuId: String, to userId: String) async throws {
        let body = AssignLicenseBody(addLicenses: [.init(skuId: skuId, disabledPlans: [])], removeLicenses: [])
        _ = try await send(
            .post, authority: graph, path: "/v1.0/users/\(Self.segment(userId))/assignLicense", scope: graphScope, body: try Self.json(body))
    }

    /// The `assignLicense` body; both arrays are always sent.
    struct AssignLicenseBody: Encodable {
        struct AddLicense: Encodable {
            var skuId: String
            var disabledPlans: [String]
        }

        var addLicenses: [AddLicense]
        var removeLicenses: [String]
    }

    /// The group whose display name is `name`, or `nil`.
    public func group(named name: String) async throws -> DirectoryGroup? {
        try await collection(
            DirectoryGroup.self, authority: graph,
            path: "/v1.0/groups?" + Self.query([("$filter", "displayName eq \(Self.literal(name))"), ("$select", "id,displayName")]),
            scope: graphScope
        ).first
    }

    /// `GET /groups/{id}`, or `nil` when there is no such group.
    public func group(id: String) async throws -> DirectoryGroup? {
        do {
            return try await get(
                DirectoryGroup.self, authority: graph, path: "/v1.0/groups/\(Self.segment(id))", scope: graphScope, waitForReplication: false)
        } catch let error as GraphError where error.status == 404 {
            return nil
        }
    }

    /// Ids of a group's direct members (every page).
    public func memberIds(ofGroup groupId: String) async throws -> Set<String> {
        var ids: Set<String> = []
        try await forEachPage(
            DirectoryObject.self, authority: graph, path: "/v1.0/groups/\(Self.segment(groupId))/members?" + Self.query([("$select", "id")]),
            scope: graphScope
        ) { page in ids.formUnion(page.map { $0.id.lowercased() }) }
        return ids
    }

    /// `POST /groups/{id}/members/$ref`. Returns `false` when the user already was a member
    /// (Graph answers 400 "One or more added object references already exist").
    @discardableResult
    public func addMember(_ userId: String, toGroup groupId: String) async throws -> Bool {
        do {
            try await addMemberReference(userId, toGroup: groupId)
            return true
        } catch let error as GraphError where error.status == 400 && error.message.contains("already exist") {
            return false
        }
    }

    /// `GET /policies/authorizationPolicy`.
    public func authorizationPolicy() async throws -> AuthorizationPolicy {
        try await get(AuthorizationPolicy.self, authority: graph, path: "/v1.0/policies/authorizationPolicy", scope: graphScope)
    }

    /// `PATCH /policies/authorizationPolicy` setting `guestUserRoleId` (the guest access level).
    public func setGuestUserRole(_ roleId: String) async throws {
        _ = try await send(
            .patch, authority: graph, path: "/v1.0/policies/authorizationPolicy", scope: graphScope, body: try Self.json(["guestUserRoleId": roleId]))
    }

    /// The tenant's id (`GET /organization`), which every token of the tenant may read.
    public func organizationId() async throws -> String {
        struct Organization: Decodable, Sendable { var id: String }
        let organizations = try await collection(
            Organization.self, authority: graph, path: "/v1.0/organization?" + Self.query([("$select", "id")]), scope: graphScope)
        guard let id = organizations.first?.id else {
            throw GraphError(status: 404, code: "Request_ResourceNotFound", message: "GET /organization answered no organization.")
        }
        return id
    }
}
