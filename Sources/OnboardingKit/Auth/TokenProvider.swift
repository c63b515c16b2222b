/// Hands out bearer tokens for a resource scope such as `https://graph.microsoft.com/.default`.
///
/// ``OnboardingClient`` asks for a token before every request, so implementations should cache.
public protocol TokenProvider: Sendable {
    /// A bearer token valid for `scope` (an OAuth 2.0 `.default` scope).
    func token(for scope: String) async throws -> String
}
