import Foundation
import HTTPTransport
import HTTPTypes
import TenantAPI
import TenantEngine
import TenantModel
import TenantServer
import TenantSimTesting
import Testing

@Suite("The TenantSimTesting library other packages test with")
struct TenantSimTestingTests {
    @Test("BothModes runs the body in process, then over live HTTPS, each on a fresh world")
    func bothModes() async throws {
        final class Seen: @unchecked Sendable {
            var modes: [BothModes.Mode] = []
            var statuses: [Int] = []
        }
        let seen = Seen()
        try await BothModes.run(makeAPI: { try await TestWorlds.api(["contoso"]) }) { transport, api, mode in
            seen.modes.append(mode)
            #expect(try await api.engine.journal().allSatisfy { $0.operation != TenantOperation.advanceClock.rawValue })
            var request = HTTPRequest(method: .get, scheme: "https", authority: "graph.microsoft.com", path: "/v1.0/users")
            request.headerFields[.accept] = "application/json"
            let (response, data) = try await transport.send(request, body: nil)
            let reply = TestReply(status: response.status.code, headers: response.headerFields, data: data)
            seen.statuses.append(reply.status)
            #expect(reply.errorCode == "InvalidAuthenticationToken")
            // Change the world: the next mode must not see it.
            _ = try await api.engine.advanceClock(by: 60)
        }
        #expect(seen.modes == [.inProcess, .live])
        #expect(seen.statuses == [401, 401])
    }

    @Test("TestWorlds loads the standard fixtures built into the binary")
    func standardWorld() async throws {
        let engine = try await TestWorlds.engine()
        let domains = try await engine.tenants().map(\.initialDomain)
        #expect(domains.contains("contoso.onmicrosoft.com"))
        #expect(try await engine.tenants().count >= 5)
        #expect(try SharedCertificateAuthority.shared().caFile == (try SharedCertificateAuthority.shared().caFile))
    }
}
