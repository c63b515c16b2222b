import Foundation
import Hummingbird
import Logging
import TenantModel

/// Per-request state: the resolved host, ids for the error envelope, and the public base URL the
/// client used (for `@odata.nextLink` and `@odata.context`).
public struct TenantRequestContext: RequestContext {
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

    /// Request bodies larger than this are refused with 413.
    public var maxUploadSize: Int { 1 << 20 }
}
