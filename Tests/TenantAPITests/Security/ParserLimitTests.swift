import Foundation
import HTTPTypes
import TenantAPI
import TenantEngine
import TenantModel
import TenantSimTesting
import Testing

@Suite("Every request parser has depth and length limits")
struct ParserLimitTests {
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    @Test("a $filter nested 1,500 levels deep answers Graph's 400, not a crash")
    func deepFilter() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token()
            let deep = String(repeating: "(", count: 1500) + "displayName eq 'x'" + String(repeating: ")", count: 1500)
            let reply = try await client.graph(.get, "/users?$filter=\(Self.encode(deep))", token: token)
            #expect(reply.status == 400)
            #expect(reply.errorCode == "BadRequest")
            #expect(reply.errorMessage?.contains("nested more than \(ParserLimits.filterDepth) levels") == true)
            let nots = String(repeating: "not ", count: 200) + "displayName eq 'x'"
            #expect(
                try await client.graph(.get, "/users?$filter=\(Self.encode(nots))", token: token, headers: ["ConsistencyLevel": "eventual"]).status
                    == 400)
            // Just inside the limit still parses.
            let fine =
                String(repeating: "(", count: ParserLimits.filterDepth) + "displayName eq 'x'"
                + String(repeating: ")", count: ParserLimits.filterDepth)
            #expect(try await client.graph(.get, "/users?$filter=\(Self.encode(fine))", token: token).status == 200)
        }
    }

    @Test("long and over-large query options answer 400 on every parser")
    func longOptions() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token()
            let eventual = ["ConsistencyLevel": "eventual"]
            let long = String(repeating: "a", count: ParserLimits.queryOptionLength + 1)
            for option in ["$filter", "$search", "$select", "$orderby", "$expand", "$top", "$skiptoken", "$count"] {
                let reply = try await client.graph(.get, "/users?\(option)=\(long)", token: token, headers: eventual)
                #expect(reply.status == 400, "\(option)")
                #expect(reply.errorMessage?.contains("accepts at most") == true, "\(option)")
            }
            let clauses = (0...ParserLimits.filterNodes).map { "displayName eq 'u\($0)'" }.joined(separator: " or ")
            #expect(try await client.graph(.get, "/users?$filter=\(Self.encode(clauses))", token: token).status == 400)
            let search = (0...ParserLimits.searchClauses).map { "\"displayName:a\($0)\"" }.joined(separator: " OR ")
            #expect(try await client.graph(.get, "/users?$search=\(Self.encode(search))", token: token, headers: eventual).status == 400)
            let dataverseToken = try await client.token(scope: "https://contoso.crm.dynamics.com/.default")
            let deep = String(repeating: "(", count: 500) + "fullname eq 'x'" + String(repeating: ")", count: 500)
            let dataverse = try await client.send(
                .get, "contoso.crm.dynamics.com", "/api/data/v9.2/systemusers?$filter=\(Self.encode(deep))", token: dataverseToken)
            #expect(dataverse.status == 400)
            #expect(dataverse.errorCode == "0x80060888")
        }
    }

    @Test("JSON bodies nested beyond 64 levels answer 400 and change nothing")
    func deepJSON() async throws {
        try await BothModes.run { client, api in
            let token = try await client.token()
            let before = try await api.engine.dump()
            for depth in [65, 1_000, 100_000] {
                let body = Data(("{\"a\":" + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}").utf8)
                let reply = try await client.send(
                    .post, "graph.microsoft.com", "/v1.0/invitations", token: token, body: body, headers: ["Content-Type": "application/json"])
                #expect(reply.status == 400, "depth \(depth)")
                #expect(reply.errorCode == "BadRequest", "depth \(depth)")
            }
            // Brackets inside strings don't count.
            let quoted = Data(("{\"invitedUserEmailAddress\":\"" + String(repeating: "[", count: 100) + "\"}").utf8)
            let reply = try await client.send(
                .post, "graph.microsoft.com", "/v1.0/invitations", token: token, body: quoted, headers: ["Content-Type": "application/json"])
            #expect(reply.errorMessage?.contains("nested") != true)
            #expect(try await api.engine.dump() == before)
        }
    }

    /// Deep, long and unbalanced inputs for every parser, from a seeded generator.
    static func fuzzInputs(seed: UInt64, count: Int) -> [String] {
        var generator = SplitMix(seed: seed)
        let atoms = [
            "(", ")", "((", "))", " and ", " or ", "not ", "displayName", " eq ", "'x'", "'", "''", ",", "any(", "i:i", "/", "startswith(",
            "\"", ":", " AND ", " OR ", "$select=", "$top=", "=", "&", "%", "%28", "true", "null", "identities/any(i:i/issuer eq 'x')",
            "mail", "1e999", "-", "0x", "\u{0}", "é", "memberOf(", "desc", "asc", " ",
        ]
        return (0..<count).map { _ in
            let length = Int(generator.next() % 3_000)
            var text = ""
            while text.utf8.count < length { text += atoms[Int(generator.next() % UInt64(atoms.count))] }
            if generator.next() % 4 == 0 { text = String(repeating: "(", count: Int(generator.next() % 5_000)) + text }
            return text
        }
    }

    @Test("fuzzed inputs to every parser never crash the server and never answer 500")
    func fuzz() async throws {
        let api = try await BothModes.makeAPI()
        let client = APIClient(transport: api.inProcessTransport(), controlKey: api.controlKey.value)
        let token = try await client.token()
        let dataverseToken = try await client.token(scope: "https://contoso.crm.dynamics.com/.default")
        let eventual = ["ConsistencyLevel": "eventual"]
        var answered = 0
        for (index, input) in Self.fuzzInputs(seed: 20_261_207, count: 150).enumerated() {
            let encoded = Self.encode(input)
            let requests: [(String, String, String, [String: String])] = [
                ("graph.microsoft.com", "/v1.0/users?$filter=\(encoded)&$count=true", token, eventual),
                ("graph.microsoft.com", "/v1.0/groups?$filter=\(encoded)", token, [:]),
                ("graph.microsoft.com", "/v1.0/users?$search=\(encoded)", token, eventual),
                ("graph.microsoft.com", "/v1.0/users?$orderby=\(encoded)", token, [:]),
                ("graph.microsoft.com", "/v1.0/users?$select=\(encoded)", token, [:]),
                ("graph.microsoft.com", "/v1.0/users?$expand=\(encoded)", token, [:]),
                ("contoso.crm.dynamics.com", "/api/data/v9.2/systemusers?$filter=\(encoded)", dataverseToken, [:]),
            ]
            for (host, path, bearer, headers) in requests {
                let reply = try await client.send(.get, host, path, token: bearer, headers: headers)
                #expect(reply.status != 500, "input \(index) on \(path.prefix(60)): \(reply.text.prefix(200))")
                answered += 1
            }
            for (path, body) in [("/v1.0/invitations", input), ("/v1.0/$batch", input), ("/v1.0/users/x", "{\"a\":" + input + "}")] {
                let reply = try await client.send(
                    .post, "graph.microsoft.com", path, token: token, body: Data(body.utf8), headers: ["Content-Type": "application/json"])
                #expect(reply.status != 500, "body \(index) on \(path)")
                answered += 1
            }
            let form = try await client.send(
                .post, "login.microsoftonline.com", "/\(APIWorld.contoso)/oauth2/v2.0/token", body: Data(input.utf8),
                headers: ["Content-Type": "application/x-www-form-urlencoded"])
            #expect(form.status != 500, "form \(index)")
            answered += 1
        }
        #expect(answered == 150 * 11)
    }
}

/// A tiny seeded generator, so every run fuzzes the same inputs.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
