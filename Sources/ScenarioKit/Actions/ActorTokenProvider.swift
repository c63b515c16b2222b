import Foundation
import OnboardingKit
import TenantAPI
import TenantEngine
import TenantModel

/// Tokens for a scenario's actor: a signed-in admin gets the delegated token an interactive
/// sign-in gives; an app registration signs in with client credentials through the token endpoint
/// (OnboardingKit's provider), as a script does. A scope's audience is the scope without `/.default`.
struct ActorTokenProvider: TokenProvider {
    let session: ScenarioSession
    let actor: ScenarioSession.Actor

    /// Delegated scopes an interactive admin session has; directory roles decide the rest.
    static let adminScopes = [
        "Directory.ReadWrite.All", "Group.ReadWrite.All", "GroupMember.ReadWrite.All", "LicenseAssignment.ReadWrite.All",
        "Organization.Read.All", "Policy.Read.All", "Policy.ReadWrite.Authorization", "Policy.ReadWrite.CrossTenantAccess",
        "RoleManagement.ReadWrite.Directory", "User.Invite.All", "User.Read.All", "User.ReadWrite.All",
    ]

    func token(for scope: String) async throws -> String {
        switch actor {
        case .user(let user, let tenant):
            let audience = scope.hasSuffix("/.default") ? String(scope.dropLast("/.default".count)) : scope
            return try await session.api.tokens.delegatedToken(
                for: user, in: tenant, audience: audience, scopes: Self.adminScopes, client: "tenantsim-scenario-portal")
        case .app(let app, let tenant):
            let secret = try await session.engine.secrets(of: app.appId).first?.secretText ?? ""
            let provider = ClientCredentialsTokenProvider(
                transport: session.transport, loginHost: tenant.cloud.entraAuthorityHost, tenant: tenant.id.rawValue, clientId: app.appId.rawValue,
                clientSecret: secret)
            do {
                return try await provider.token(for: scope)
            } catch let error as GraphError {
                throw ScenarioFailure("the app \(app.displayName) could not get a token: \(error)")
            }
        }
    }
}
