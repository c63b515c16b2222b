import Foundation
import HTTPTypes
import Hummingbird
import TenantEngine
import TenantModel
import TenantRules

/// TenantSim's own control API under `/_tenantsim/`, never mixed into Microsoft's paths: world
/// reset and loading, clock, snapshots, the guest's actions (redeem, sign in, open, make apps,
/// use features), explain, journal, outbox, fault injection and test tokens. Every request must
/// carry the server's control key (see ``ControlKey``); the responder checks it before routing.
enum ControlRoutes {
    static func register(on table: RouteTable) {
        let api = table.api
        func control(
            _ method: HTTPRequest.Method, _ path: String, _ operation: TenantOperation,
            _ handler: @escaping @Sendable (ControlRequest) async throws -> Response
        ) {
            table.add(method, "/_tenantsim" + path, surface: .control, operation: operation) { request, context in
                let body =
                    method == .get
                    ? JSONBody(object: [:], resource: "control") : try await JSONBody.read(request, context: context, resource: "control")
                return try await handler(ControlRequest(api: api, request: request, context: context, body: body))
            }
        }
        control(.get, "/world", .getWorld) { try await $0.getWorld() }
        control(.post, "/world", .loadWorld) { try await $0.loadWorld() }
        control(.post, "/reset", .reset) { try await $0.reset() }
        control(.get, "/seed", .getSeed) { $0.getSeed() }
        control(.get, "/clock", .getClock) { try await $0.getClock() }
        control(.post, "/clock/advance", .advanceClock) { try await $0.advanceClock() }
        control(.post, "/snapshot", .snapshot) { try await $0.snapshot() }
        control(.post, "/restore", .restore) { try await $0.restore() }
        control(.get, "/snapshots", .listSnapshots) { try await $0.listSnapshots() }
        control(.get, "/state", .dumpState) { try await $0.dumpState() }
        control(.post, "/redeem", .redeemInvitation) { try await $0.redeem() }
        control(.post, "/signin", .signIn) { try await $0.signIn() }
        control(.post, "/open", .openEnvironment) { try await $0.openEnvironment() }
        control(.post, "/apps", .makeApp) { try await $0.makeApp() }
        control(.post, "/apps/share", .shareCanvasApp) { try await $0.shareApp() }
        control(.post, "/apps/run", .runCanvasApp) { try await $0.runApp() }
        control(.post, "/solutions/import", .importSolution) { try await $0.solution(import: true) }
        control(.post, "/solutions/export", .exportSolution) { try await $0.solution(import: false) }
        control(.post, "/features", .useFeature) { try await $0.useFeature() }
        control(.post, "/notify", .notifyUser) { try await $0.notify() }
        control(.post, "/collaboration", .setCollaborationRestrictions) { try await $0.setCollaboration() }
        control(.get, "/explain", .explain) { try await $0.explain() }
        control(.get, "/journal", .readJournal) { try await $0.journal() }
        control(.get, "/outbox", .readOutbox) { try await $0.outbox() }
        control(.get, "/faults", .listFaults) { $0.listFaults() }
        control(.post, "/faults", .addFault) { try $0.addFault() }
        control(.delete, "/faults", .clearFaults) { $0.clearFaults() }
        control(.post, "/tokens", .mintToken) { try await $0.mintToken() }
    }
}

/// One control API request.
struct ControlRequest {
    let api: TenantAPI
    let request: Request
    let context: TenantRequestContext
    let body: JSONBody

    var engine: TenantEngine { api.engine }
    var query: [String: String] { QueryString.parse(request.uri.query ?? "") }

    func required(_ key: String) throws -> String {
        guard let value = try body.string(key), !value.isEmpty else { throw TenantError.badRequest("'\(key)' is required.") }
        return value
    }

    static func ok(_ fields: [String: JSONValue] = [:]) -> Response { APIResponse.json(.object(["ok": .bool(true)].merging(fields) { $1 })) }

    /// The admin a control action acts as: a bearer token (when the control key travels in its own
    /// header), or `"as": "<upn>"` (a portal session).
    func actingCaller() async throws -> Caller {
        if let token = TenantAPI.bearer(request), !api.controlKey.matches(token) {
            return try await Authenticator.caller(request, context: context, api: api, audience: .graph).0
        }
        let upn = try required("as")
        for tenant in try await engine.tenants() {
            if let user = try await engine.user(withAddress: upn, in: tenant.id), !user.isGuest { return .portal(user.id, in: tenant.id) }
        }
        throw TenantError.notFound(upn)
    }

    func getWorld() async throws -> Response {
        let tenants = try await engine.tenants()
        var list: [JSONValue] = []
        for tenant in tenants {
            let apps = try await engine.apps(in: tenant.id)
            var appJSON: [JSONValue] = []
            for app in apps {
                let secret = try await engine.secrets(of: app.appId).first?.secretText
                appJSON.append(
                    .object(["name": .string(app.displayName), "clientId": .string(app.appId.rawValue), "clientSecret": .optional(secret)]))
            }
            let environments = try await engine.environments(in: tenant.id).map { environment -> JSONValue in
                .object([
                    "name": .string(environment.id.rawValue), "displayName": .string(environment.displayName),
                    "url": .optional(environment.instanceURL), "sku": .string(environment.sku.rawValue),
                ])
            }
            list.append(
                .object([
                    "id": .string(tenant.id.rawValue), "displayName": .string(tenant.displayName), "domain": .string(tenant.initialDomain),
                    "cloud": .string(tenant.cloud.rawValue), "authority": .string("https://\(tenant.cloud.entraAuthorityHost)/\(tenant.id)"),
                    "graph": .string("https://\(tenant.cloud.graphHost)/v1.0"), "adminAPI": .string("https://\(tenant.cloud.adminAPIHost)"),
                    "apps": .array(appJSON), "environments": .array(environments),
                ]))
        }
        return APIResponse.json(.object(["seed": .int(Int(engine.environment.seed)), "tenants": .array(list)]))
    }

    func loadWorld() async throws -> Response {
        var spec: WorldSpec
        if let fixture = try body.string("fixture") {
            // A fixture is named, never a path: nothing a request says reaches the file system.
            let isName =
                !fixture.isEmpty && fixture.count <= 64 && fixture.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
            guard isName else {
                throw TenantError.badRequest(
                    "'fixture' is a fixture's name (letters, digits, '-' and '_'), not a path: '\(fixture.prefix(80))'.", code: "BadRequest")
            }
            guard let loader = api.fixtureLoader else {
                throw TenantError.badRequest("This server was started without fixtures; send a world as JSON.")
            }
            do {
                spec = try await loader(fixture)
            } catch let error as TenantError {
                throw error
            } catch {
                throw TenantError(
                    status: 404, code: "FixtureNotFound", message: "The fixture '\(fixture)' can't be loaded: \(error)", surface: .control)
            }
            if let inline = try body.decode(WorldSpec.self, "world") { spec = spec.merged(with: inline) }
        } else {
            spec = try body.decodeWhole(WorldSpec.self)
        }
        let index = try await engine.loadWorld(spec)
        let data = try JSONEncoder().encode(index)
        return APIResponse.json(try JSONDecoder().decode(JSONValue.self, from: data))
    }

    func reset() async throws -> Response {
        try await engine.reset()
        api.faults.clear()
        return Self.ok()
    }

    func getSeed() -> Response { APIResponse.json(.object(["seed": .int(Int(engine.environment.seed))])) }

    func getClock() async throws -> Response {
        APIResponse.json(.object(["now": APIResponse.dateTime(try await engine.now())]))
    }

    func advanceClock() async throws -> Response {
        guard case .number(let seconds)? = body.object["seconds"] else { throw TenantError.badRequest("'seconds' (a number) is required.") }
        return APIResponse.json(.object(["now": APIResponse.dateTime(try await engine.advanceClock(by: seconds))]))
    }

    /// `{"name": "before-class"}`: a name, never a path (letters, digits, `-`, `_`).
    func snapshot() async throws -> Response {
        let name = try snapshotName()
        try await engine.snapshot(named: name)
        return Self.ok(["name": .string(name)])
    }

    func restore() async throws -> Response {
        let name = try snapshotName()
        try await engine.restore(named: name)
        return Self.ok(["name": .string(name)])
    }

    func listSnapshots() async throws -> Response {
        APIResponse.json(.object(["value": .strings(try await engine.snapshotNames())]))
    }

    func snapshotName() throws -> String {
        if body.has("path") {
            throw TenantError.badRequest(
                "Snapshots have names, not paths: send {\"name\": \"before-class\"} (letters, digits, '-' and '_').", code: "BadRequest")
        }
        return try required("name")
    }

    func dumpState() async throws -> Response {
        let text = try await engine.dump(includeJournal: query["journal"] == "true")
        return APIResponse.text(text, contentType: "application/json; charset=utf-8")
    }

    /// `consent`: `accept` (default) or `decline` — the guest's answer to the consent prompt.
    func consentDeclined() throws -> Bool {
        switch try body.string("consent") ?? "accept" {
        case "accept": return false
        case "decline": return true
        case let other: throw TenantError.badRequest("consent is accept or decline, not '\(other)'.")
        }
    }

    func redeem() async throws -> Response {
        let result: RedemptionResult
        let decline = try consentDeclined()
        if let link = try body.string("url") ?? body.string("ticket") {
            result = try await engine.redeemInvitation(link, declineConsent: decline, requestId: context.requestId)
        } else {
            let tenant = try await engine.tenant(try required("tenant"))
            result = try await engine.redeemInvitation(
                address: try required("address"), in: tenant.id, declineConsent: decline, requestId: context.requestId)
        }
        return Self.ok([
            "userId": .string(result.user.id.rawValue), "identityProvider": .string(result.identityProvider),
            "alreadyRedeemed": .bool(result.alreadyRedeemed),
        ])
    }

    func signIn() async throws -> Response {
        let tenant = try await (try body.string("tenant")).asyncMap { try await engine.tenant($0) }
        let client =
            try body.string("client").map { raw -> SignInClient in
                guard let client = SignInClient(rawValue: raw) else {
                    throw TenantError.badRequest("client must be one of \(SignInClient.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                return client
            } ?? .app
        let cloud = try body.string("cloud").map { raw -> EntraCloud in
            guard let cloud = EntraCloud(rawValue: raw) ?? EntraCloud(authorityHost: raw) else {
                throw TenantError.badRequest("Unknown cloud '\(raw)'.")
            }
            return cloud
        }
        let session = try await engine.signIn(
            account: try required("account"), to: tenant?.id, authorityCloud: cloud, client: client, declineConsent: try consentDeclined(),
            requestId: context.requestId)
        return Self.ok([
            "tenantId": .string(session.tenantId.rawValue), "userId": .string(session.user.id.rawValue), "notes": .strings(session.notes),
        ])
    }

    func openEnvironment() async throws -> Response {
        let access = try await engine.openEnvironment(try required("environment"), as: try required("account"), requestId: context.requestId)
        return Self.ok(["url": .string(access.url), "roles": .strings(access.roleNames)])
    }

    func makeApp() async throws -> Response {
        guard let kind = AppKind(rawValue: try body.string("kind") ?? "canvas") else {
            throw TenantError.badRequest("kind must be one of \(AppKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let app = try await engine.makeApp(
            try body.string("name") ?? "App", kind: kind, in: try required("environment"), as: try required("account"), requestId: context.requestId)
        return Self.ok(["appId": .string(app.id.rawValue), "kind": .string(app.kind.rawValue)])
    }

    func shareApp() async throws -> Response {
        let app = try await engine.shareCanvasApp(
            try required("app"), in: try required("environment"), with: try required("with"), as: try required("account"),
            requestId: context.requestId)
        return Self.ok(["appId": .string(app.id.rawValue)])
    }

    func runApp() async throws -> Response {
        try await engine.runCanvasApp(try required("app"), in: try required("environment"), as: try required("account"), requestId: context.requestId)
        return Self.ok()
    }

    func solution(import importing: Bool) async throws -> Response {
        let name = try body.string("name") ?? "Solution"
        if importing {
            try await engine.importSolution(name, into: try required("environment"), as: try required("account"), requestId: context.requestId)
        } else {
            try await engine.exportSolution(name, from: try required("environment"), as: try required("account"), requestId: context.requestId)
        }
        return Self.ok()
    }

    func useFeature() async throws -> Response {
        guard let feature = CustomerEngagementFeature(rawValue: try required("feature")) else {
            throw TenantError.badRequest("feature must be one of \(CustomerEngagementFeature.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        try await engine.useFeature(feature, in: try required("environment"), as: try required("account"), requestId: context.requestId)
        return Self.ok()
    }

    func notify() async throws -> Response {
        let caller = try await actingCaller()
        let message = try await engine.notifyUser(
            try required("user"), about: try required("environment"), by: caller, message: try body.string("message"), requestId: context.requestId)
        return Self.ok(["messageId": .string(message.id.rawValue), "url": .optional(message.url)])
    }

    func setCollaboration() async throws -> Response {
        let caller = try await actingCaller()
        guard let tenant = caller.tenantId else { throw TenantError.badRequest("No tenant to change.") }
        let restrictions = try await engine.setCollaborationRestrictions(
            allowedDomains: try body.strings("allowedDomains"), blockedDomains: try body.strings("blockedDomains"), in: tenant, by: caller,
            requestId: context.requestId)
        return Self.ok(["summary": .string(restrictions.summary)])
    }

    func explain() async throws -> Response {
        guard let account = query["account"] ?? query["guest"], let environment = query["environment"] else {
            throw TenantError.badRequest("explain needs ?account=<address>&environment=<name or url>.")
        }
        let checklist = try await engine.explain(account, in: environment)
        if query["format"] == "text" { return APIResponse.text(checklist.render()) }
        let data = try JSONEncoder().encode(checklist)
        return APIResponse.json(try JSONDecoder().decode(JSONValue.self, from: data))
    }

    func journal() async throws -> Response {
        let after = Int64(query["after"] ?? "0") ?? 0
        let entries = try await engine.journal(after: after, limit: Int(query["limit"] ?? ""))
        return APIResponse.json(
            .object([
                "value": .array(
                    entries.map { entry in
                        .object([
                            "sequence": .int(Int(entry.sequence)), "time": APIResponse.dateTime(entry.time), "actor": .string(entry.actor),
                            "tenantId": .optional(entry.tenantId?.rawValue), "operation": .string(entry.operation), "target": .optional(entry.target),
                            "outcome": .string(entry.outcome.rawValue), "ruleIds": .strings(entry.ruleIds), "requestId": .optional(entry.requestId),
                            "detail": .optional(entry.detail),
                        ])
                    })
            ]))
    }

    func outbox() async throws -> Response {
        let messages = try await engine.outbox(to: query["to"])
        return APIResponse.json(
            .object([
                "value": .array(
                    messages.map { message in
                        .object([
                            "id": .string(message.id.rawValue), "kind": .string(message.kind.rawValue), "from": .string(message.from),
                            "to": .string(message.to), "cc": .strings(message.cc), "subject": .string(message.subject), "body": .string(message.body),
                            "url": .optional(message.url), "createdDateTime": APIResponse.dateTime(message.createdDateTime),
                        ])
                    })
            ]))
    }

    func listFaults() -> Response {
        APIResponse.json(
            .object([
                "value": .array(
                    api.faults.list().map { fault in
                        .object([
                            "operation": .string(fault.operation), "status": .int(fault.status), "remaining": .int(fault.remaining),
                            "retryAfter": .int(fault.retryAfter),
                        ])
                    })
            ]))
    }

    func addFault() throws -> Response {
        let operation = try required("operation")
        guard case .number(let status)? = body.object["status"] else { throw TenantError.badRequest("'status' (429, 503 or 504) is required.") }
        let count = body.object["count"].flatMap { if case .number(let value) = $0 { Int(value) } else { nil } } ?? 1
        let retryAfter = body.object["retryAfter"].flatMap { if case .number(let value) = $0 { Int(value) } else { nil } } ?? 1
        try api.faults.add(FaultInjector.Fault(operation: operation, status: Int(status), remaining: count, retryAfter: retryAfter))
        return Self.ok()
    }

    func clearFaults() -> Response {
        api.faults.clear()
        return Self.ok()
    }

    /// Mints a token without the token endpoint (tests): `{"tenant", "app" | "user", "permissions" |
    /// "scopes", "audience", "expiresIn"}`.
    func mintToken() async throws -> Response {
        let tenant = try await engine.tenant(try required("tenant"))
        let now = Int(try await engine.now().timeIntervalSince1970)
        let lifetime = body.object["expiresIn"].flatMap { if case .number(let value) = $0 { Int(value) } else { nil } } ?? TokenService.lifetime
        let audience = try body.string("audience") ?? tenant.cloud.graphAudience
        let claims: AccessTokenClaims
        if let user = try body.string("user") {
            let found = try await engine.user(user, in: tenant.id)
            claims = AccessTokenClaims(
                aud: audience, iss: TokenEndpoint.issuer(tenant), iat: now, nbf: now, exp: now + lifetime, tid: tenant.id.rawValue,
                oid: found.id.rawValue, sub: found.id.rawValue, azp: "tenantsim-test-client", idtyp: "user",
                scp: (try body.strings("scopes") ?? []).joined(separator: " "), upn: found.userPrincipalName, name: found.displayName)
        } else {
            let appId = try body.string("app") ?? "tenantsim-test-app"
            claims = AccessTokenClaims(
                aud: audience, iss: TokenEndpoint.issuer(tenant), iat: now, nbf: now, exp: now + lifetime, tid: tenant.id.rawValue,
                oid: appId, sub: appId, azp: appId, idtyp: "app", roles: try body.strings("permissions") ?? [])
        }
        return APIResponse.json(.object(["access_token": .string(try await api.tokens.sign(claims)), "expires_in": .int(lifetime)]))
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
