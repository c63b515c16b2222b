import Foundation
import HTTPTypes
import TenantAPI
import TenantEngine
import TenantModel
import TenantSimTesting
import Testing

@Suite("Dataverse Web API writes: teams, roles, systemusers and the metadata the Dataverse SDK reads")
struct DataverseRecordWriteTests {
    let host = "contoso.crm.dynamics.com"
    let base = "/api/data/v9.2"

    @Test("POST teams answers 204 with OData-EntityId, or 201 with the record when return=representation is preferred")
    func createTeam() async throws {
        try await BothModes.run { client, api in
            let token = try await client.token(scope: "https://\(host)/.default")
            let plain = try await client.send(.post, host, base + "/teams", token: token, json: ["name": "Reviewers"])
            #expect(plain.status == 204, "\(plain.text)")
            let location = try #require(plain.headers[HTTPField.Name("OData-EntityId")!])
            #expect(location.hasSuffix(")") && location.contains("/api/data/v9.2/teams("))
            let group = try #require(await api.engine.group(named: "Sales Environment Users", in: TenantID(APIWorld.contoso)))
            let represented = try await client.send(
                .post, host, base + "/teams", token: token,
                json: ["name": "Sales partners", "teamtype": 2, "azureactivedirectoryobjectid": group.id.rawValue, "membershiptype": 1],
                headers: ["Prefer": "return=representation"])
            #expect(represented.status == 201, "\(represented.text)")
            #expect(represented.json["teamtype"] as? Int == 2)
            #expect(represented.json["membershiptype"] as? Int == 1)
            #expect(represented.json["azureactivedirectoryobjectid"] as? String == group.id.rawValue)
            let teams = try await client.send(.get, host, base + "/teams?$select=name,isdefault", token: token)
            #expect(Set(teams.values.compactMap { $0["name"] as? String }) == ["contoso", "Reviewers", "Sales partners"])
            #expect(teams.values.first?["isdefault"] as? Bool == true)
        }
    }

    @Test("PATCH teams(id) changes the description; unknown columns and bad choice values are 400 with nothing changed")
    func updateTeam() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token(scope: "https://\(host)/.default")
            let created = try await client.send(
                .post, host, base + "/teams", token: token, json: ["name": "Reviewers"], headers: ["Prefer": "return=representation"])
            let id = try #require(created.json["teamid"] as? String)
            let patched = try await client.send(.patch, host, base + "/teams(\(id))", token: token, json: ["description": "Reads partner work"])
            #expect(patched.status == 204)
            let unknown = try await client.send(.patch, host, base + "/teams(\(id))", token: token, json: ["colour": "blue"])
            #expect(unknown.status == 400)
            #expect(unknown.errorCode == "0x80060888")
            let badType = try await client.send(.post, host, base + "/teams", token: token, json: ["name": "Odd", "teamtype": 9])
            #expect(badType.status == 400)
            #expect(badType.errorMessage?.contains("teamtype") == true)
            let team = try await client.send(.get, host, base + "/teams(\(id))?$select=description,name", token: token)
            #expect(team.json["description"] as? String == "Reads partner work")
            #expect(team.json["teamid"] as? String == id)
            let all = try await client.send(.get, host, base + "/teams", token: token)
            #expect(all.values.count == 2)
        }
    }

    @Test("a team role association is listed and removed; a caller without the privilege is refused with the rule id")
    func teamRoles() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token(scope: "https://\(host)/.default")
            let created = try await client.send(
                .post, host, base + "/teams", token: token, json: ["name": "Reviewers"], headers: ["Prefer": "return=representation"])
            let team = try #require(created.json["teamid"] as? String)
            let roles = try await client.send(.get, host, base + "/roles?$filter=name eq 'Basic User'", token: token)
            let role = try #require(roles.values.first?["roleid"] as? String)
            let reference = ["@odata.id": "https://\(host)\(base)/roles(\(role))"]
            let associated = try await client.send(.post, host, base + "/teams(\(team))/teamroles_association/$ref", token: token, json: reference)
            #expect(associated.status == 204, "\(associated.text)")
            let held = try await client.send(.get, host, base + "/teams(\(team))/teamroles_association", token: token)
            #expect(held.values.map { $0["name"] as? String } == ["Basic User"])
            let removed = try await client.send(.delete, host, base + "/teams(\(team))/teamroles_association(\(role))/$ref", token: token)
            #expect(removed.status == 204)
            #expect(try await client.send(.get, host, base + "/teams(\(team))/teamroles_association", token: token).values.isEmpty)

            // An app with no application user role passes the Web API's door but not the privilege check.
            let reader = try await client.token(clientId: APIWorld.readerApp, scope: "https://\(host)/.default")
            let denied = try await client.send(.post, host, base + "/teams", token: reader, json: ["name": "Mine"])
            #expect(denied.status == 403, "\(denied.text)")
            #expect(denied.errorCode == "0x80040220")
            #expect(denied.ruleId == "dataverse.record.write-not-allowed")
            let teams = try await client.send(.get, host, base + "/teams", token: token)
            #expect(Set(teams.values.compactMap { $0["name"] as? String }) == ["contoso", "Reviewers"])
        }
    }

    @Test("POST roles creates a custom role; PATCH systemusers refuses columns Entra owns")
    func rolesAndUsers() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token(scope: "https://\(host)/.default")
            let role = try await client.send(.post, host, base + "/roles", token: token, json: ["name": "Partner reviewer"])
            #expect(role.status == 204)
            let id = try #require(role.headers[HTTPField.Name("OData-EntityId")!]?.split(separator: "(").last?.dropLast())
            let read = try await client.send(.get, host, base + "/roles(\(id))", token: token)
            #expect(read.json["name"] as? String == "Partner reviewer")
            let duplicate = try await client.send(.post, host, base + "/roles", token: token, json: ["name": "Partner reviewer"])
            #expect(duplicate.status == 412)
            #expect(duplicate.errorCode == "0x80040237")
            let renamed = try await client.send(.patch, host, base + "/roles(\(id))", token: token, json: ["name": "Partner approver"])
            #expect(renamed.status == 204)

            let whoAmI = try await client.send(.get, host, base + "/WhoAmI", token: token)
            let users = try await client.send(.get, host, base + "/systemusers", token: token)
            let user = try #require(users.values.first?["systemuserid"] as? String)
            let owned = try await client.send(.patch, host, base + "/systemusers(\(user))", token: token, json: ["fullname": "Someone Else"])
            #expect(owned.status == 400, "\(owned.text)")
            #expect(owned.errorMessage?.contains("Microsoft Entra ID") == true)
            let mode = try await client.send(
                .patch, host, base + "/systemusers(\(user))", token: token, json: ["accessmode": 1], headers: ["Prefer": "return=representation"])
            #expect(mode.status == 200, "\(mode.text)")
            #expect(mode.json["accessmode"] as? Int == 1)
            #expect(whoAmI.status == 200)
        }
    }

    @Test("the picklist metadata lists team types and membership types with their values")
    func picklists() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token(scope: "https://\(host)/.default")
            let reply = try await client.send(
                .get, host,
                base
                    + "/EntityDefinitions(LogicalName='team')/Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$select=LogicalName&$expand=OptionSet($select=Options)",
                token: token)
            #expect(reply.status == 200, "\(reply.text)")
            let membership = try #require(reply.values.first { $0["LogicalName"] as? String == "membershiptype" })
            let options = ((membership["OptionSet"] as? [String: Any])?["Options"] as? [[String: Any]]) ?? []
            #expect(options.compactMap { $0["Value"] as? Int } == [0, 1, 2, 3])
        }
    }
}
