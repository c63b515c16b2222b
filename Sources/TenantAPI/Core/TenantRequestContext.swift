import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import TenantModel

/// Per-request state: the resolved host and the surface it answers as, ids for the error envelope,
/// the public base URL the client used (for `@odata.nextLink` and `@odata.context`), and who calls —
/// set once by the surface's authenticator middleware (hummingbird-auth's `identity`).
public struct TenantRequestContext: AuthRequestContext {
    /// The verified caller of a bearer token, set by ``TokenAuthenticator`` (or
    /// ``DataverseAuthenticator``); `nil` when the request carries no token.
    public var identity: Authenticated?
    /// The environment a Dataverse request addresses, set by ``DataverseAuthenticator``.
    public var environment: PowerPlatformEnvironment?
    /// The error shape of the request's path (set by ``HostMiddleware``).
    public var surface: Surface = .graph
    public var coreContext: CoreRequestContextStorage
    public var host = ResolvedHost()
    public var requestId = ""
    public var clientRequestId: String?
    /// `https://127.0.0.1:8443` or `https://graph.microsoft.com`, plus any host path prefix.
    public var baseURL = ""
    /// The host name (no port) the client addressed this server by, from ``baseURL``.
    public var clientHostName: String {
        let authority =
            baseURL.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "")
            .split(separator: "/").first.map(String.init) ?? ""
        return TenantResponder.hostName(authority).lowercased()
    }

    /// Set on the requests a `$batch` runs, which may not be batches themselves.
    public var insideBatch = false

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// A context for a request that arrives without a socket (the in-process transport).
    init(logger: Logger) {
        coreContext = .init(source: InProcessSource(logger: logger))
    }

    /// The source of a socketless request: only a logger.
    struct InProcessSource: RequestContextSource {
        var logger: Logger
    }

    /// The verified caller, or the 401 of a request without a token.
    func authenticated() throws -> Authenticated {
        guard let identity else { throw Authenticator.invalid("Access token is empty.") }
        return identity
    }

    /// Request bodies larger than this are refused with 413.
    public var maxUploadSize: Int { 1 << 20 }
}
