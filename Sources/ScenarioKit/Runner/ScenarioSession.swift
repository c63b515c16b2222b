import Foundation
import OnboardingKit
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

    // MARK: Wire

    /// An OnboardingKit client over the in-process transport for `cloud`, with `tokens` (none:
    /// control API calls only). It never retries: a scenario shows the first answer.
    func client(tokens: (any TokenProvider)?, cloud: Cloud) -> OnboardingClient {
        OnboardingClient(
            transport: transport, tokens: tokens ?? NoTokens(), endpoints: ServiceEndpoints(cloud: cloud, controlKey: api.controlKey.value),
            retry: .none)
    }

    /// The token provider of a client that only calls the control API.
    struct NoTokens: TokenProvider {
        func token(for scope: String) async throws -> String { throw ScenarioFailure("this step has no actor to sign in as") }
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
