import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import TenantEngine
import TenantModel
import TenantSimTesting
import TenantStore
import Testing

@testable import TenantAPI

@Suite("Authentication reads nothing from SQLite once warm")
struct AuthenticationCostTests {
    static func request(token: String) -> Request {
        var head = HTTPRequest(method: .get, scheme: "https", authority: "graph.microsoft.com", path: "/v1.0/users")
        head.headerFields[.authorization] = "Bearer \(token)"
        return Request(head: head, body: RequestBody(buffer: ByteBuffer()))
    }

    @Test("a warm authenticator verifies a token with no store transaction; a reset or a clock change is seen at once")
    func noStoreReadsOnceWarm() async throws {
        let api = try await BothModes.makeAPI()
        let client = APIClient(transport: api.inProcessTransport(), controlKey: api.controlKey.value)
        let token = try await client.token()
        var context = TenantRequestContext(logger: Logger(label: "test"))
        context.host = ResolvedHost.resolve(host: "graph.microsoft.com")
        context.baseURL = "https://graph.microsoft.com"
        _ = try await Authenticator.caller(Self.request(token: token), context: context, api: api, audience: .graph)
        let before = api.engine.store.transactionCount
        for _ in 0..<5 {
            let (caller, _) = try await Authenticator.caller(Self.request(token: token), context: context, api: api, audience: .graph)
            #expect(caller.tenantId?.rawValue == APIWorld.contoso)
        }
        #expect(api.engine.store.transactionCount == before)
        // The caches follow the state: past the token's lifetime it is refused at once…
        try await api.engine.advanceClock(by: 7200)
        await #expect(throws: TenantError.self) {
            _ = try await Authenticator.caller(Self.request(token: token), context: context, api: api, audience: .graph)
        }
        // …and after a reset its tenant is gone.
        let fresh = try await client.token()
        try await api.engine.reset()
        await #expect(throws: TenantError.self) {
            _ = try await Authenticator.caller(Self.request(token: fresh), context: context, api: api, audience: .graph)
        }
    }
}
