import Foundation
import HTTPTransport
import HTTPTypes
import TenantAPI
import TenantEngine
import TenantModel
import TenantServer

/// One scenario's world: its engine, the API in front of it, and the in-process transport every
/// step goes through — the same code a real client hits.
final class ScenarioSession: @unchecked Sendable {
    let scenario: Scenario
    let engine: TenantEngine
    let api: TenantAPI
    let transport: InProcessTransport
    /// Where `run:` steps keep the server's TLS material.
    let workDirectory: String

    /// Delegated scopes an interactive admin session has; directory roles decide the rest.
    static let adminScopes = [
        "Directory.ReadWrite.All", "Group.ReadWrite.All", "GroupMember.ReadWrite.All", "LicenseAssignment.ReadWrite.All",
        "Organization.Read.All", "Policy.Read.All", "Policy.ReadWrite.Authorization", "Policy.ReadWrite.CrossTenantAccess",
        "RoleManagement.ReadWrite.Directory", "User.Invite.All", "User.Read.All", "User.ReadWrite.All",
    ]

    init(scenario: Scenario, library: FixtureLibrary, workDirectory: String) async throws {
        self.scenario = scenario
        self.workDirectory = workDirectory
        engine = try await TenantEngine.inMemory(environment: TenantEnvironment(seed: scenario.seed, clock: .manual(start: scenario.start)))
        try await engine.loadWorld(try scenario.world.spec(library: library))
        try await engine.setConsistency(scenario.consistency)
        api = TenantAPI(engine: engine, fixtureLoader: { name in try library.load(name) })
        transport = api.inProcessTransport()
    }

    // MARK: Actors

    /// Who acts: a member of a tenant (interactive admin), or an app registration (`app:Name`).
    enum Actor {
        case user(User, Tenant)
        case app(AppRegistration, Tenant)

        var tenant: Tenant {
            switch self {
            case .user(_, let tenant), .app(_, let tenant): tenant
            }
        }
    }

    func actor(_ name: String, in tenantKey: String? = nil) async throws -> Actor {
        if name.hasPrefix("app:") {
            let appName = String(name.dropFirst(4)).trimmingCharacters(in: .whitespaces)
            guard let app = try await engine.apps().first(where: { $0.displayName == appName || $0.appId.rawValue == appName.lowercased() }) else {
                let names = try await engine.apps().map(\.displayName)
                throw ScenarioFailure("no app registration named '\(appName)' in this world\(DidYouMean.phrase(for: appName, among: names))")
            }
            return .app(app, try await engine.tenant(app.tenantId.rawValue))
        }
        if let tenantKey {
            let tenant = try await engine.tenant(tenantKey)
            guard let user = try await engine.user(withAddress: name, in: tenant.id) else {
                let addresses = try await engine.users(in: tenant.id).map(\.contactAddress)
                throw ScenarioFailure("'\(name)' is not a user of \(tenant.displayName)\(DidYouMean.phrase(for: name, among: addresses))")
            }
            return .user(user, tenant)
        }
        for tenant in try await engine.tenants() {
            if let user = try await engine.user(withAddress: name, in: tenant.id), !user.isGuest { return .user(user, tenant) }
        }
        var members: [String] = []
        for tenant in try await engine.tenants() {
            members += try await engine.users(in: tenant.id).filter { !$0.isGuest }.map(\.userPrincipalName)
        }
        throw ScenarioFailure(
            "no member account '\(name)' in this world\(DidYouMean.phrase(for: name, among: members)) (add `in: <tenant>` for a guest acting in a resource tenant)"
        )
    }

    /// A bearer token for the actor toward `audience`.
    func token(for actor: Actor, audience: String) async throws -> String {
        switch actor {
        case .user(let user, let tenant):
            let now = Int(try await engine.now().timeIntervalSince1970)
            let claims = AccessTokenClaims(
                aud: audience, iss: "https://\(tenant.cloud.entraAuthorityHost)/\(tenant.id)/v2.0", iat: now, nbf: now,
                exp: now + TokenService.lifetime, tid: tenant.id.rawValue, oid: user.id.rawValue, sub: user.id.rawValue,
                azp: "tenantsim-scenario-portal", idtyp: "user", scp: Self.adminScopes.joined(separator: " "), upn: user.userPrincipalName,
                name: user.displayName)
            return try await api.tokens.sign(claims)
        case .app(let app, let tenant):
            let secret = try await engine.secrets(of: app.appId).first?.secretText ?? ""
            let scope = audience.hasSuffix("/") ? audience + "/.default" : audience + "/.default"
            let form = QueryString.encode([
                ("grant_type", "client_credentials"), ("client_id", app.appId.rawValue), ("client_secret", secret), ("scope", scope),
            ])
            let reply = try await send(
                .post, tenant.cloud.entraAuthorityHost, "/\(tenant.id)/oauth2/v2.0/token", body: Data(form.utf8),
                contentType: "application/x-www-form-urlencoded")
            guard reply.status == 200, let token = reply.json["access_token"] as? String else {
                throw ScenarioFailure("the app \(app.displayName) could not get a token: \(reply.text)")
            }
            return token
        }
    }

    // MARK: Wire

    struct Reply {
        let status: Int
        let headers: HTTPFields
        let data: Data
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:] }
        var text: String { String(decoding: data, as: UTF8.self) }
        var values: [[String: Any]] { json["value"] as? [[String: Any]] ?? [] }

        /// The step outcome this reply means.
        func outcome(detail: String? = nil) -> StepOutcome {
            if (200..<300).contains(status) { return .ok(detail: detail) }
            // Graph and admin API / Dataverse errors nest in "error"; token errors are flat.
            let error = json["error"] as? [String: Any]
            let extras = ((error?["innerError"] as? [String: Any])?["tenantsim"] ?? error?["tenantsim"] ?? json["tenantsim"]) as? [String: Any]
            let code = error?["code"] as? String ?? json["error"] as? String ?? "HTTP\(status)"
            let message = error?["message"] as? String ?? json["error_description"] as? String ?? text
            if let rule = extras?["ruleId"] as? String {
                return .denied(
                    rule: rule, status: status, code: code, message: message, explanation: extras?["explanation"] as? String,
                    facts: extras?["facts"] as? [String] ?? [])
            }
            return .error(status: status, code: code, message: message)
        }
    }

    func send(
        _ method: HTTPRequest.Method, _ host: String, _ path: String, token: String? = nil, json: Any? = nil, body: Data? = nil,
        contentType: String? = nil
    ) async throws -> Reply {
        var request = HTTPRequest(method: method, scheme: "https", authority: host, path: path)
        if let token { request.headerFields[.authorization] = "Bearer \(token)" }
        if path.hasPrefix("/_tenantsim") { request.headerFields[HTTPField.Name(ControlKey.header)!] = api.controlKey.value }
        var payload = body
        if let json {
            payload = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
            request.headerFields[.contentType] = "application/json"
        } else if let contentType {
            request.headerFields[.contentType] = contentType
        }
        let (response, data) = try await transport.send(request, body: payload)
        return Reply(status: response.status.code, headers: response.headerFields, data: data)
    }

    func control(_ path: String, _ json: [String: Any]) async throws -> Reply {
        try await send(.post, "localhost", "/_tenantsim" + path, json: json)
    }

    // MARK: Lookups

    func user(_ key: String, in tenant: Tenant) async throws -> User {
        if let user = try await engine.user(withAddress: key, in: tenant.id) { return user }
        return try await engine.user(key, in: tenant.id)
    }

    func environment(_ key: String) async throws -> PowerPlatformEnvironment { try await engine.environment(key) }
}

/// A scenario step that couldn't be carried out as written (unknown user, app, environment…).
struct ScenarioFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
