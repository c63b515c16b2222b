import Foundation
import HTTPTypes
import TenantAPI
import TenantEngine
import TenantModel
import Testing

@Suite("Hummingbird middleware: one place per concern")
struct MiddlewareTests {
    /// A concrete path for a route pattern: every parameter and wildcard becomes `x`.
    static func concrete(_ pattern: String) -> String {
        pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment == "**" || segment.hasPrefix("{") ? "x" : String(segment)
        }.joined(separator: "/")
    }

    @Test("every route's operation is known to its surface's middleware: a fault for it answers before the handler, with Retry-After")
    func everyRouteFindsItsOperation() async throws {
        let api = TenantAPI(engine: try await TenantEngine.inMemory())
        let transport = api.inProcessTransport()
        for endpoint in api.endpoints where endpoint.surface != .control {
            try api.faults.add(.init(operation: endpoint.operation.rawValue, status: 503, remaining: 1, retryAfter: 7))
            let request = HTTPRequest(
                method: HTTPRequest.Method(endpoint.method)!, scheme: "https", authority: "localhost", path: Self.concrete(endpoint.path))
            let (response, _) = try await transport.send(request, body: nil)
            #expect(response.status.code == 503, "\(endpoint.method) \(endpoint.path) (\(endpoint.operation)) answered \(response.status.code)")
            #expect(response.headerFields[.retryAfter] == "7", "\(endpoint.method) \(endpoint.path)")
            api.faults.clear()
        }
    }

    @Test("every answer carries request-id and client-request-id, whether routed, refused by a guard or unknown")
    func idsOnEveryAnswer() async throws {
        let api = TenantAPI(engine: try await TenantEngine.inMemory())
        let transport = api.inProcessTransport()
        for (path, host, status) in [
            ("/v1.0/users", "localhost", 401), ("/_tenantsim/world", "localhost", 401), ("/nowhere", "localhost", 501),
            ("/v1.0/users", "evil.example", 421),
        ] {
            var request = HTTPRequest(method: .get, scheme: "https", authority: host, path: path)
            request.headerFields[HTTPField.Name("client-request-id")!] = "caller-1"
            let (response, _) = try await transport.send(request, body: nil)
            #expect(response.status.code == status, "\(host)\(path)")
            #expect(response.headerFields[HTTPField.Name("request-id")!]?.isEmpty == false, "\(host)\(path)")
            #expect(response.headerFields[HTTPField.Name("client-request-id")!] == "caller-1", "\(host)\(path)")
        }
    }
}

@Suite("Dates on the wire")
struct WireDateTests {
    @Test("dates are ISO 8601 in UTC without fractions, as a formatter writes them, across years, leap days and before 1970")
    func iso8601() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        for seconds in [0.0, 1_735_689_600, 1_709_164_800, 951_782_400, 4_102_444_799.9, -1, -86_401, 1_234_567_890.5, 253_402_300_799] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(ISO8601.string(date) == formatter.string(from: Date(timeIntervalSince1970: seconds.rounded(.down))), "\(seconds)")
        }
    }
}
