import Foundation
import Hummingbird
import TenantEngine
import TenantModel
import TenantRules

/// `/users`, `/users/{id | userPrincipalName}`, `/me`, `assignLicense` and `licenseDetails`.
struct UsersHandler {
    let graph: GraphRequest

    var engine: TenantEngine { graph.engine }

    func query(single: Bool = false) throws -> ODataQuery {
        if !single, let select = ODataQuery.pairs(graph.request.uri.query).first(where: { $0.0.lowercased() == "$select" })?.1 {
            // domain-facts §2.2: properties only a single user returns answer 501 on a collection.
            let singleOnly = UserRepresentation.singleEntitySelectable.subtracting(UserRepresentation.selectable)
            for name in select.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
            where singleOnly.contains(where: { $0.lowercased() == name.lowercased() }) {
                throw TenantError(
                    status: 501, code: "NotImplemented", message: "'\(name)' is returned only for a single user: GET /users/{id}?$select=\(name).")
            }
        }
        return try ODataQuery.parse(
            ODataQuery.pairs(graph.request.uri.query), consistencyLevel: graph.request.headers[.init("ConsistencyLevel")!],
            resource: "User", selectable: single ? UserRepresentation.singleEntitySelectable : UserRepresentation.selectable,
            filterable: UserRepresentation.filterable, collections: UserRepresentation.collections, expandable: ["memberOf"],
            searchable: UserRepresentation.searchable)
    }

    func listUsers() async throws -> Response {
        try await graph.authorize(GraphPermissions.readUsers)
        let query = try query()
        let matching = try await matchingUsers(query)
        let (page, nextLink) = query.page(query.ordered(matching), baseURL: graph.base, path: "/users")
        var items: [JSONValue] = []
        for properties in page { items.append(try await expanded(UserRepresentation.json(properties, select: query.select), query: query)) }
        var body: [String: JSONValue] = [
            "@odata.context": graph.metadata(UserRepresentation.contextFragment(query.select, entity: false)),
            "value": .array(items),
        ]
        if query.count && query.skip == 0 { body["@odata.count"] = .int(matching.count) }
        if let nextLink { body["@odata.nextLink"] = .string(nextLink) }
        return APIResponse.json(.object(body))
    }

    /// `GET /users/$count` — needs `ConsistencyLevel: eventual`; answers `text/plain`.
    func countUsers() async throws -> Response {
        try await graph.authorize(GraphPermissions.readUsers)
        try graph.requireCountConsistency()
        return APIResponse.text(String(try await matchingUsers(try query()).count))
    }

    /// The tenant's users that pass the query's `$filter`, as wire properties (with licences when
    /// the filter or `$select` reads them).
    func matchingUsers(_ query: ODataQuery) async throws -> [[String: JSONValue]] {
        let withLicenses = UserRepresentation.needsLicenses(query.select) || query.filter?.properties.contains("assignedLicenses") == true
        var matching: [[String: JSONValue]] = []
        let licensesByUser = withLicenses ? try await engine.licensesByUser(in: graph.tenantId) : [:]
        for user in try await engine.users(in: graph.tenantId) {
            let licenses = withLicenses ? licensesByUser[user.id] ?? [] : nil
            let properties = UserRepresentation.properties(user, licenses: licenses)
            if query.matches(properties) { matching.append(properties) }
        }
        return matching
    }

    func getUser(_ key: String) async throws -> Response {
        try await graph.authorize(GraphPermissions.readUsers)
        let user = try await engine.user(key, in: graph.tenantId)
        try await engine.requireReplicated(user.id.rawValue, kind: "user", operation: .getUser, by: graph.caller)
        return try await single(user)
    }

    func getMe() async throws -> Response {
        let id = try graph.me()
        let user = try await engine.user(id.rawValue, in: graph.tenantId)
        return try await single(user)
    }

    func single(_ user: User) async throws -> Response {
        let query = try query(single: true)
        let licenses = UserRepresentation.needsLicenses(query.select) ? try await engine.licenses(of: user.id) : nil
        var object =
            try await expanded(UserRepresentation.json(UserRepresentation.properties(user, licenses: licenses), select: query.select), query: query)
            .objectValue ?? [:]
        object["@odata.context"] = graph.metadata(UserRepresentation.contextFragment(query.select, entity: true))
        return APIResponse.json(.object(object))
    }

    /// `user` with `memberOf` added when the query expands it (at most 20 groups, as Graph).
    func expanded(_ user: JSONValue, query: ODataQuery) async throws -> JSONValue {
        guard let expand = query.expand, case .object(var object) = user, case .string(let id)? = object["id"] else { return user }
        object[expand.property] = .array(
            try await GroupsHandler(graph: graph).memberOf(UserID(id), select: expand.select, limit: GroupsHandler.expandLimit))
        return .object(object)
    }

    /// `PATCH /me`: the signed-in user's own profile (self-service properties need no admin role).
    func updateMe() async throws -> Response {
        try await updateUser(try graph.me().rawValue, permission: GraphPermissions.updateMe)
    }

    func updateUser(_ key: String, permission: PermissionRequirement = GraphPermissions.updateUser) async throws -> Response {
        let body = try await graph.body("user")
        let modelled: Set<String> = [
            "displayName", "givenName", "surname", "usageLocation", "jobTitle", "companyName", "mail", "otherMails", "accountEnabled",
            "userType", "id",
        ]
        let notEmulated = ["userPrincipalName", "passwordProfile", "passwordPolicies", "identities", "mailNickname"].filter(body.has)
        if let name = notEmulated.first {
            throw TenantError(status: 501, code: "notSupported", message: "TenantSim does not emulate changing '\(name)' of a user.")
        }
        try body.allowOnly(modelled.union(UserRepresentation.profileProperties.keys))
        var userType: UserType?
        if let raw = try body.string("userType") {
            guard let parsed = UserType.allCases.first(where: { $0.rawValue.lowercased() == raw.lowercased() }) else {
                throw TenantError.badRequest("Invalid value specified for property 'userType' of resource 'User'.")
            }
            userType = parsed
        }
        let patch = UserPatch(
            displayName: try body.nullableString("displayName"), givenName: try body.nullableString("givenName"),
            surname: try body.nullableString("surname"), usageLocation: try body.nullableString("usageLocation"),
            jobTitle: try body.nullableString("jobTitle"), companyName: try body.nullableString("companyName"),
            mail: try body.nullableString("mail"), otherMails: try body.strings("otherMails"), accountEnabled: try body.bool("accountEnabled"),
            userType: userType, profile: try profile(body))
        try await engine.updateUser(
            key, in: graph.tenantId, patch: patch, by: graph.caller, permission: permission, requestId: graph.context.requestId)
        return APIResponse.noContent()
    }

    /// The profile properties of a PATCH body, checked against their JSON types.
    func profile(_ body: JSONBody) throws -> [String: JSONValue] {
        var profile: [String: JSONValue] = [:]
        for (name, type) in UserRepresentation.profileProperties where body.has(name) {
            let value = body.object[name] ?? .null
            let valid: Bool
            switch (type, value) {
            case (_, .null): valid = true
            case (.string, .string): valid = true
            case (.dateTime, .string(let text)): valid = ISO8601.date(text) != nil
            case (.bool, .bool): valid = true
            case (.object, .object): valid = true
            case (.strings, .array(let items)): valid = items.allSatisfy { if case .string = $0 { true } else { false } }
            default: valid = false
            }
            guard valid else { throw TenantError.badRequest("Invalid value specified for property '\(name)' of resource 'User'.") }
            profile[name] = value
        }
        return profile
    }

    /// `POST /users`: a member account (`accountEnabled`, `displayName`, `mailNickname`,
    /// `userPrincipalName` and `passwordProfile` are required, as in Graph).
    func createUser() async throws -> Response {
        let body = try await graph.body("user")
        try body.allowOnly([
            "accountEnabled", "displayName", "mailNickname", "userPrincipalName", "passwordProfile", "givenName", "surname", "usageLocation",
        ])
        guard let enabled = try body.bool("accountEnabled"), let displayName = try body.string("displayName"),
            let nickname = try body.string("mailNickname"), let upn = try body.string("userPrincipalName"),
            case .object(let profileObject)? = body.object["passwordProfile"]
        else {
            throw TenantError.badRequest("A user needs accountEnabled, displayName, mailNickname, userPrincipalName and passwordProfile.")
        }
        let profile = JSONBody(object: profileObject, resource: "passwordProfile")
        try profile.allowOnly(["password", "forceChangePasswordNextSignIn", "forceChangePasswordNextSignInWithMfa"])
        guard let password = try profile.string("password") else {
            throw TenantError.badRequest("Invalid value specified for property 'passwordProfile' of resource 'User'.")
        }
        let draft = UserDraft(
            userPrincipalName: upn, displayName: displayName, mailNickname: nickname, accountEnabled: enabled, password: password,
            givenName: try body.string("givenName"), surname: try body.string("surname"), usageLocation: try body.string("usageLocation"))
        let user = try await engine.createUser(draft, in: graph.tenantId, by: graph.caller, requestId: graph.context.requestId)
        var object = UserRepresentation.json(UserRepresentation.properties(user, licenses: nil), select: nil).objectValue ?? [:]
        object["@odata.context"] = graph.metadata("users/$entity")
        return APIResponse.json(.object(object), status: .created)
    }

    func deleteUser(_ key: String) async throws -> Response {
        try await engine.deleteUser(key, in: graph.tenantId, by: graph.caller, requestId: graph.context.requestId)
        return APIResponse.noContent()
    }

    func assignLicense(_ key: String) async throws -> Response {
        let body = try await graph.body("user")
        try body.allowOnly(["addLicenses", "removeLicenses"])
        // Graph requires both parameters, even when one of them is an empty list.
        let missing = ["addLicenses", "removeLicenses"].filter { !body.has($0) }
        guard missing.isEmpty else {
            throw TenantError.badRequest(
                "One or more parameters of the operation 'assignLicense' are missing from the request payload. The missing parameters are: \(missing.joined(separator: ","))."
            )
        }
        let adds = try (body.array("addLicenses") ?? []).map { item -> LicenseToAdd in
            guard case .object(let object) = item else {
                throw TenantError.badRequest("Invalid value specified for property 'addLicenses' of resource 'User'.")
            }
            let license = JSONBody(object: object, resource: "assignedLicense")
            try license.allowOnly(["skuId", "disabledPlans"])
            guard let skuId = try license.string("skuId"), UUID(uuidString: skuId) != nil else {
                throw TenantError.badRequest("Invalid value specified for property 'skuId' of resource 'AssignedLicense'.")
            }
            return LicenseToAdd(skuId: skuId, disabledPlans: try license.strings("disabledPlans") ?? [])
        }
        let removes = try body.strings("removeLicenses") ?? []
        for skuId in removes where UUID(uuidString: skuId) == nil {
            throw TenantError.badRequest("Invalid value specified for property 'removeLicenses' of resource 'User'.")
        }
        guard !adds.isEmpty || !removes.isEmpty else {
            throw TenantError.badRequest("No license changes provided. At least one license to add or remove must be specified.")
        }
        let user = try await engine.assignLicense(
            to: key, in: graph.tenantId, add: adds, remove: removes, by: graph.caller, requestId: graph.context.requestId)
        var object = UserRepresentation.json(UserRepresentation.properties(user, licenses: nil), select: nil).objectValue ?? [:]
        object["@odata.context"] = graph.metadata("users/$entity")
        return APIResponse.json(.object(object))
    }

    func listLicenseDetails(_ key: String) async throws -> Response {
        try await graph.authorize(GraphPermissions.readLicenseDetails)
        let user = try await engine.user(key, in: graph.tenantId)
        var items: [JSONValue] = []
        for license in try await engine.licenses(of: user.id) {
            guard let sku = try await engine.sku(license.skuId, in: graph.tenantId) else { continue }
            items.append(
                .object([
                    "id": .string("\(license.skuId)_\(user.id)"), "skuId": .string(sku.skuId), "skuPartNumber": .string(sku.skuPartNumber),
                    "servicePlans": .array(
                        sku.servicePlans.map { plan in
                            .object([
                                "servicePlanId": .string(plan.servicePlanId), "servicePlanName": .string(plan.servicePlanName),
                                "provisioningStatus": .string(
                                    license.disabledPlans.contains(plan.servicePlanId) ? "Disabled" : plan.provisioningStatus),
                                "appliesTo": .string(plan.appliesTo),
                            ])
                        }),
                ]))
        }
        return APIResponse.json(.object(["@odata.context": graph.metadata("users('\(user.id)')/licenseDetails"), "value": .array(items)]))
    }
}
