import Foundation
import HTTPTypes
import TenantAPI
import TenantEngine
import TenantModel
import TenantSimTesting
import Testing

@Suite("Bad input never gives a 5xx and changes nothing")
struct APIBadInputTests {
    @Test("malformed JSON, wrong types, unknown properties, a huge body, a bad $filter, unknown users and odd paths")
    func badInput() async throws {
        try await BothModes.run { client, api in
            let token = try await client.token()
            let before = try await api.engine.dump()
            var replies: [(String, APIClient.Reply)] = []
            replies.append(
                (
                    "malformed JSON",
                    try await client.send(
                        .post, "graph.microsoft.com", "/v1.0/invitations", token: token, body: Data("{\"invitedUserEmailAddress\": ".utf8),
                        headers: ["Content-Type": "application/json"])
                ))
            replies.append(
                (
                    "wrong type",
                    try await client.graph(
                        .post, "/invitations", token: token, json: ["invitedUserEmailAddress": 42, "inviteRedirectUrl": "https://x.example"])
                ))
            replies.append(
                ("unknown property", try await client.graph(.patch, "/users/member@contoso.com", token: token, json: ["favouriteColour": "green"])))
            replies.append(
                ("wrong type in PATCH", try await client.graph(.patch, "/users/member@contoso.com", token: token, json: ["accountEnabled": "yes"])))
            let huge = Data(repeating: UInt8(ascii: "a"), count: 2 << 20)
            replies.append(
                (
                    "huge body",
                    try await client.send(
                        .post, "graph.microsoft.com", "/v1.0/invitations", token: token, body: huge, headers: ["Content-Type": "application/json"])
                ))
            replies.append(("invalid $filter", try await client.graph(.get, "/users?$filter=userType%20eqq%20'Guest'", token: token)))
            replies.append(("unterminated $filter", try await client.graph(.get, "/users?$filter=userType%20eq%20'Guest", token: token)))
            replies.append(("non-indexed property", try await client.graph(.get, "/users?$filter=otherMails%20eq%20'x'", token: token)))
            replies.append(("$top 1000", try await client.graph(.get, "/users?$top=1000", token: token)))
            replies.append(("unknown user id", try await client.graph(.get, "/users/00000000-0000-0000-0000-000000000001", token: token)))
            replies.append(("unknown UPN", try await client.graph(.patch, "/users/nobody@contoso.com", token: token, json: ["usageLocation": "US"])))
            replies.append(("odd characters", try await client.graph(.get, "/users/%27%3B%20DROP%20TABLE%20user%3B--", token: token)))
            replies.append(("odd path", try await client.graph(.get, "/users/a/b/c/%00", token: token)))
            replies.append(
                (
                    "bad skuId",
                    try await client.graph(
                        .post, "/users/member@contoso.com/assignLicense", token: token,
                        json: ["addLicenses": [["skuId": "not-a-guid"]], "removeLicenses": []])
                ))
            for (label, reply) in replies {
                #expect((400..<500).contains(reply.status) || reply.status == 501, "\(label): \(reply.status) \(reply.text)")
                #expect(reply.headers[.contentType]?.hasPrefix("application/json") == true, "\(label)")
                #expect(reply.errorCode != nil, "\(label)")
            }
            #expect(
                replies.first { $0.0 == "$top 1000" }?.1.errorMessage == "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.")
            #expect(replies.first { $0.0 == "unknown user id" }?.1.errorCode == "Request_ResourceNotFound")
            #expect(replies.first { $0.0 == "huge body" }?.1.status == 413)
            #expect(try await api.engine.dump() == before)
        }
    }

    @Test("$count=true without ConsistencyLevel is silently ignored, /users/$count without it is a 400; with it both count")
    func countNeedsConsistencyLevel() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token()
            let without = try await client.graph(.get, "/users?$count=true", token: token)
            #expect(without.status == 200)
            #expect(without.json["@odata.count"] == nil)
            #expect((without.json["value"] as? [Any])?.count == 2)
            let segment = try await client.graph(.get, "/users/$count", token: token)
            #expect(segment.status == 400)
            #expect(segment.errorCode == "Request_BadRequest")
            #expect(segment.errorMessage == "$count is not currently supported.")
            let with = try await client.graph(.get, "/users?$count=true&$top=1", token: token, headers: ["ConsistencyLevel": "eventual"])
            #expect(with.json["@odata.count"] as? Int == 2)
            let count = try await client.graph(.get, "/users/$count", token: token, headers: ["ConsistencyLevel": "eventual"])
            #expect(count.text == "2")
        }
    }
}

@Suite("Graph query details real scripts use")
struct GraphQueryTests {
    @Test("$orderby sorts, a guest is found by its #EXT# UPN, and $filter with $orderby needs ConsistencyLevel")
    func orderByAndGuestUPN() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token()
            for address in ["zoe@fabrikam.com", "amy@fabrikam.com"] {
                _ = try await client.graph(
                    .post, "/invitations", token: token,
                    json: ["invitedUserEmailAddress": address, "inviteRedirectUrl": "https://myapps.microsoft.com"])
            }
            let sorted = try await client.graph(.get, "/users?$orderby=displayName&$select=displayName", token: token)
            let names = (sorted.json["value"] as? [[String: Any]])?.compactMap { $0["displayName"] as? String } ?? []
            #expect(names == names.sorted { $0.lowercased() < $1.lowercased() })
            #expect(names.count == 4)
            let descending = try await client.graph(.get, "/users?$orderby=displayName%20desc&$select=displayName", token: token)
            #expect(((descending.json["value"] as? [[String: Any]])?.compactMap { $0["displayName"] as? String }) == names.reversed())
            let guest = try await client.graph(.get, "/users/amy_fabrikam.com%23EXT%23@contoso.onmicrosoft.com", token: token)
            #expect(guest.status == 200)
            #expect(guest.json["mail"] as? String == "amy@fabrikam.com")
            let both = try await client.graph(.get, "/users?$filter=userType%20eq%20'Guest'&$orderby=displayName", token: token)
            #expect(both.errorCode == "Request_UnsupportedQuery")
            let eventual = try await client.graph(
                .get, "/users?$filter=userType%20eq%20'Guest'&$orderby=displayName&$count=true", token: token,
                headers: ["ConsistencyLevel": "eventual"])
            #expect(eventual.json["@odata.count"] as? Int == 2)
        }
    }
}
