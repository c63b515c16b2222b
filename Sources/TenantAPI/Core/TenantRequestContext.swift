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

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Request bodies larger than this are refused with 413.
    public var maxUploadSize: Int { 1 << 20 }
}
