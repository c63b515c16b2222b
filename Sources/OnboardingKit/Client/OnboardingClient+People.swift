import Foundation
import HTTPTypes

/// What people do in TenantSim's control API (`/_tenantsim/…`), where Microsoft has a portal and a
/// person rather than an API: sign in, open an environment, make, share and run apps, move
/// solutions, use Dynamics 365 features. Each answers with what happened or the rule that refused it.
extension OnboardingClient {
    /// `account` signs in to `tenant` (id or domain; `nil`: no tenant chosen) with `client` in
    /// `cloud`; `consent` answers a consent prompt. Returns the notes of the sign-in.
    @discardableResult
    public func signIn(
        account: String, tenant: String?, client: String? = nil, cloud: String? = nil, consent: String? = nil
    ) async throws
        -> [String]
    {
        struct SignIn: Decodable { var notes: [String]? }
        let fields: [String: Any?] = ["account": account, "tenant": tenant, "client": client, "cloud": cloud, "consent": consent]
        return try await person("/signin", fields, SignIn.self).notes ?? []
    }

    /// `account` opens an app in `environment`; returns the URL they land on.
    @discardableResult
    public func openEnvironment(account: String, environment: String) async throws -> String? {
        struct Opened: Decodable { var url: String? }
        return try await person("/open", ["account": account, "environment": environment], Opened.self).url
    }

    /// `account` makes an app (`kind`: canvas or model-driven) in the maker portal.
    public func makeApp(account: String, environment: String, kind: String, name: String) async throws {
        _ = try await person("/apps", ["account": account, "environment": environment, "kind": kind, "name": name], Nothing.self)
    }

    /// `account` imports (or exports) a solution.
    public func moveSolution(account: String, environment: String, name: String, importing: Bool) async throws {
        _ = try await person(
            importing ? "/solutions/import" : "/solutions/export", ["account": account, "environment": environment, "name": name], Nothing.self)
    }

    /// `account`, the app's owner, shares a canvas app with `with`.
    public func shareApp(account: String, environment: String, app: String, with person: String) async throws {
        _ = try await self.person("/apps/share", ["account": account, "environment": environment, "app": app, "with": person], Nothing.self)
    }

    /// `account` runs a canvas app.
    public func runApp(account: String, environment: String, app: String) async throws {
        _ = try await person("/apps/run", ["account": account, "environment": environment, "app": app], Nothing.self)
    }

    /// `account` uses a customer engagement `feature` in `environment`.
    public func useFeature(account: String, environment: String, feature: String) async throws {
        _ = try await person("/features", ["account": account, "environment": environment, "feature": feature], Nothing.self)
    }

    /// An answer whose body doesn't matter.
    private struct Nothing: Decodable {}

    private func person<T: Decodable>(_ path: String, _ fields: [String: Any?], _ type: T.Type) async throws -> T {
        let reply = try await send(
            .post, authority: try control(), path: "/_tenantsim" + path, scope: nil, body: try Self.object(fields), headers: controlHeaders)
        return try Self.decode(type, reply)
    }
}
