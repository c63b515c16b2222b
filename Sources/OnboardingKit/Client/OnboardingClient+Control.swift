import Foundation
import HTTPTypes

/// TenantSim's control API (`/_tenantsim/…`), for what Microsoft has no API for. Every method
/// throws ``OnboardingClient/notTenantSim`` against the real cloud.
extension OnboardingClient {
    /// Whether the server is TenantSim (its control API is reachable).
    public var isTenantSim: Bool { endpoints.controlAuthority != nil }

    /// The error of a control call against a server that isn't TenantSim.
    public static let notTenantSim = GraphError(
        status: 501, code: "notAutomated", message: "The server is not TenantSim: there is no API for this step.")

    func control() throws -> String {
        guard let authority = endpoints.controlAuthority else { throw Self.notTenantSim }
        return authority
    }

    /// The control key header every control call carries (its own header, so `Authorization` stays
    /// free for an app's token where a control call acts as the app).
    var controlHeaders: [(String, String)] { endpoints.controlKey.map { [("X-TenantSim-Control-Key", $0)] } ?? [] }

    /// Sends the guest the environment URL (TenantSim records it in its outbox), as the calling
    /// app — or as the signed-in admin `sender` (a UPN). `user` is the guest's id or address;
    /// `environment` its name or URL. Returns the URL sent.
    @discardableResult
    public func notify(user: String, environment: String, message: String? = nil, as sender: String? = nil) async throws -> String? {
        struct Notification: Decodable { var url: String? }
        let body = try Self.object(["user": user, "environment": environment, "message": message, "as": sender])
        let reply = try await send(
            .post, authority: try control(), path: "/_tenantsim/notify", scope: sender == nil ? graphScope : nil, body: body,
            headers: controlHeaders)
        return try Self.decode(Notification.self, reply).url
    }

    /// TenantSim's explain view of a guest in an environment: its maker steps (each with the rule
    /// that blocks it), as the engine decides them.
    public func makerSteps(account: String, environment: String) async throws -> [ExplainStep] {
        struct Checklist: Decodable { var makerSteps: [ExplainStep] }
        return try await get(
            Checklist.self, authority: try control(),
            path: "/_tenantsim/explain?" + Self.query([("account", account), ("environment", environment)]), scope: nil,
            headers: controlHeaders
        ).makerSteps
    }

    /// Messages recorded for `address` (invitations and notifications).
    public func outbox(to address: String) async throws -> [OutboxMessage] {
        try await get(
            ODataPage<OutboxMessage>.self, authority: try control(), path: "/_tenantsim/outbox?" + Self.query([("to", address)]), scope: nil,
            headers: controlHeaders
        ).value
    }

    /// Redeems an invitation as the guest would by opening the redeem URL (tests and demos);
    /// `consent` is `accept` or `decline`. Returns the identity provider they redeemed with.
    @discardableResult
    public func redeem(url: String, consent: String? = nil) async throws -> String? {
        try await redemption(["url": url, "consent": consent])
    }

    /// Redeems the invitation of `address` to `tenant` (its id or domain) as the guest would —
    /// TenantSim plays the person accepting the email. Returns the identity provider they redeemed with.
    @discardableResult
    public func redeem(address: String, tenant: String, consent: String? = nil) async throws -> String {
        try await redemption(["address": address, "tenant": tenant, "consent": consent]) ?? ""
    }

    private func redemption(_ fields: [String: Any?]) async throws -> String? {
        struct Redemption: Decodable { var identityProvider: String? }
        let reply = try await send(
            .post, authority: try control(), path: "/_tenantsim/redeem", scope: nil, body: try Self.object(fields), headers: controlHeaders)
        return try Self.decode(Redemption.self, reply).identityProvider
    }

    /// Moves TenantSim's world clock forward; returns the new time (ISO 8601).
    @discardableResult
    public func advanceClock(seconds: Int) async throws -> String? {
        struct Clock: Decodable { var now: String? }
        let reply = try await send(
            .post, authority: try control(), path: "/_tenantsim/clock/advance", scope: nil, body: try Self.json(["seconds": seconds]),
            headers: controlHeaders)
        return try Self.decode(Clock.self, reply).now
    }

    /// Sets the tenant's collaboration restrictions (the domain allow or deny list of External
    /// collaboration settings, which Graph v1.0 doesn't expose) as the signed-in admin `sender`.
    public func setCollaborationRestrictions(allowedDomains: [String]?, blockedDomains: [String]?, as sender: String) async throws {
        let body = try Self.object(["as": sender, "allowedDomains": allowedDomains, "blockedDomains": blockedDomains])
        _ = try await send(.post, authority: try control(), path: "/_tenantsim/collaboration", scope: nil, body: body, headers: controlHeaders)
    }

    /// Makes the next `count` calls of `operation` answer `status` with `Retry-After: retryAfter`.
    public func injectFault(operation: String, status: Int, count: Int, retryAfter: Int) async throws {
        let body = Data("{\"operation\":\"\(operation)\",\"status\":\(status),\"count\":\(count),\"retryAfter\":\(retryAfter)}".utf8)
        _ = try await send(.post, authority: try control(), path: "/_tenantsim/faults", scope: nil, body: body, headers: controlHeaders)
    }
}
