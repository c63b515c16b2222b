import Foundation
import OnboardingKit
import TenantEngine
import TenantModel

/// What an action runs with: the step as written, the scenario's world (to resolve names the way
/// a script's author knows them) and OnboardingKit clients that reach that world through the
/// in-process transport, as the actor or as TenantSim's control API.
struct ActionContext: Sendable {
    let session: ScenarioSession
    let step: Step

    var engine: TenantEngine { session.engine }
    /// The `as:` of the step (a person's address for what people do).
    var account: String { step.actor ?? "" }

    /// The admin (or app) the step names, in the tenant it acts in.
    func actor() async throws -> ScenarioSession.Actor { try await session.actor(step.actor ?? "", in: step.actingTenant) }

    /// A client that calls Microsoft's APIs of the actor's cloud with the actor's tokens. It never
    /// retries: a scenario shows the first answer (a `retry: true` step retries with back-off).
    func client(as actor: ScenarioSession.Actor) -> OnboardingClient {
        session.client(tokens: ActorTokenProvider(session: session, actor: actor), cloud: actor.tenant.cloud)
    }

    /// A client for TenantSim's control API only (what people do, the clock).
    var control: OnboardingClient { session.client(tokens: nil, cloud: .commercial) }

    /// The outcome of a call: `done` with the detail it returns, or the error the server answered
    /// (a rule's denial with its id, explanation and facts). Anything else — a name the scenario
    /// got wrong — fails the step.
    func detailedOutcome(_ call: () async throws -> String?) async throws -> StepOutcome {
        do {
            return .ok(detail: try await call())
        } catch let error as GraphError {
            if let rule = error.ruleId {
                return .denied(
                    rule: rule, status: error.status, code: error.code, message: error.message, explanation: error.explanation, facts: error.facts)
            }
            return .error(status: error.status, code: error.code, message: error.message)
        }
    }

    /// ``detailedOutcome(_:)`` of a call that returns nothing to show.
    func outcome(_ call: () async throws -> Void) async throws -> StepOutcome {
        try await detailedOutcome { () async throws -> String? in
            try await call()
            return nil
        }
    }

    /// The user a step names, as the id to send and a label. An address nobody has is sent as
    /// written, so the server answers (404 `Request_ResourceNotFound`) as it would to a script.
    func user(_ key: String, in tenant: Tenant) async throws -> (id: String, label: String) {
        if let user = try? await session.user(key, in: tenant) { return (user.id.rawValue, user.contactAddress) }
        return (key, key)
    }

    /// The group named `name` (display name or id) in `tenant`, or a failure naming the closest.
    func group(_ name: String, in tenant: TenantID) async throws -> Group {
        if let group = try await engine.group(named: name, in: tenant) { return group }
        if let group = try await engine.group(GroupID(name)) { return group }
        let names = try await engine.groups(in: tenant).map(\.displayName)
        let tenantName = try await engine.tenant(tenant.rawValue).displayName
        throw ScenarioFailure("no group '\(name)' in \(tenantName)\(DidYouMean.phrase(for: name, among: names))")
    }

    /// The SKU id of a part number (or id) in `tenant`: one the tenant doesn't subscribe to still
    /// names a real SKU, so the server can say the tenant has none.
    func skuId(_ key: String, in tenant: Tenant) async throws -> String {
        try await engine.sku(key, in: tenant.id)?.skuId ?? SkuCatalog.entry(partNumber: key)?.skuId ?? key
    }

    /// A step's properties as a JSON body (passthrough actions), keys sorted.
    static func body(_ properties: [String: JSONValue]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(properties)
    }
}
