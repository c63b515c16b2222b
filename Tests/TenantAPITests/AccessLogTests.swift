import Foundation
import TenantAPI
import Testing

@Suite("serve's request log")
struct AccessLogTests {
    static let entry = AccessLog.Entry(
        method: "POST", host: "127.0.0.1", path: "/v1.0/invitations", status: 403, ruleId: "b2b.invite.domain-blocked", milliseconds: 2.345,
        requestId: "r-1")

    @Test("a text line has method, host and path, status, the deciding rule and milliseconds")
    func textLine() {
        let log = AccessLog(format: .text) { _ in }
        #expect(log.line(Self.entry) == "POST 127.0.0.1/v1.0/invitations 403 b2b.invite.domain-blocked 2.3 ms")
        var allowed = Self.entry
        allowed.status = 201
        allowed.ruleId = nil
        #expect(log.line(allowed) == "POST 127.0.0.1/v1.0/invitations 201 2.3 ms")
    }

    @Test("a JSON line is one object with the same fields, keys sorted")
    func jsonLine() throws {
        let line = AccessLog(format: .json) { _ in }.line(Self.entry)
        #expect(!line.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["method"] as? String == "POST")
        #expect(object["path"] as? String == "/v1.0/invitations")
        #expect(object["status"] as? Int == 403)
        #expect(object["ruleId"] as? String == "b2b.invite.domain-blocked")
        #expect(object["requestId"] as? String == "r-1")
        #expect(line.hasPrefix("{\"host\":\"127.0.0.1\""))
    }
}
