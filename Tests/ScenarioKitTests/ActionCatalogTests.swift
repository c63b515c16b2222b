import Foundation
import TenantModel
import Testing

@testable import ScenarioKit

@Suite("Scenario actions are typed and listed once")
struct ActionCatalogTests {
    func definition(_ name: String) throws -> ActionCatalog.Definition { try #require(ActionCatalog.find(name)) }

    @Test("the catalogue is read from the action types: required and optional arguments, shorthand and passthrough")
    func catalogueFromTypes() throws {
        let invite = try definition("invite")
        #expect(invite.required == ["email"])
        #expect(invite.optional == ["redirect", "displayName", "sendMessage", "message", "userType", "resetRedemption"])
        #expect(invite.shorthand == "email" && invite.performer == .admin && !invite.passthrough)
        let partner = try definition("addCrossTenantPartner")
        #expect(partner.required == ["tenant"] && partner.optional.isEmpty && partner.passthrough)
        let run = try definition("run")
        #expect(run.required == ["command"] && run.optional == ["environment", "app", "timeout", "env"] && run.performer == .system)
        #expect(try definition("assert").required.isEmpty)
        #expect(Set(ActionCatalog.all.map(\.name)).count == ActionCatalog.actions.count, "two actions share a name")
    }

    @Test("an argument of the wrong type is refused when the file loads, naming the action, the argument and the line")
    func wrongTypeAtLoad() throws {
        let text = """
            name: Wrong type
            world:
              fixtures: [contoso]
            steps:
              - as: ppadmin@contoso.com
                enableGuestMakers: { enabled: perhaps }
            """
        do {
            _ = try ScenarioLoader.parse(text, file: "bad.yaml")
            Issue.record("a text where a boolean is wanted loaded")
        } catch let error as ScenarioError {
            #expect(error.message.contains("'enableGuestMakers': 'enabled' should be true or false, not text"), "\(error.message)")
            #expect(error.line == 6)
        }
    }

    @Test("arguments read as authors write them: a number where text is wanted is its text, one string where a list is wanted a list of one")
    func lenientArguments() throws {
        struct Arguments: Decodable {
            var usageLocation: String
            var allowedDomains: [String]
            var count: Int?
        }
        let decoded = try ArgumentDecoder.decode(Arguments.self, from: ["usageLocation": .number(1), "allowedDomains": .string("fabrikam.com")])
        #expect(decoded.usageLocation == "1" && decoded.allowedDomains == ["fabrikam.com"] && decoded.count == nil)
        #expect(throws: DecodingError.self) { try ArgumentDecoder.decode(Arguments.self, from: ["allowedDomains": .array([])]) }
        #expect(throws: DecodingError.self) {
            try ArgumentDecoder.decode(Arguments.self, from: ["usageLocation": .string("GB"), "allowedDomains": .array([]), "count": .number(1.5)])
        }
    }

    @Test("docs/SCENARIOS.md's action tables are generated from the action list")
    func docsTable() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/SCENARIOS.md").standardized
        let text = try String(contentsOf: url, encoding: .utf8)
        let begin = try #require(text.range(of: "regenerate with TENANTSIM_UPDATE_GOLDEN=1 swift test --filter ActionCatalogTests -->\n"))
        let end = try #require(text.range(of: "<!-- end of actions -->"))
        let generated = ActionCatalog.markdown()
        if ProcessInfo.processInfo.environment["TENANTSIM_UPDATE_GOLDEN"] == "1" {
            try (text[..<begin.upperBound] + generated + text[end.lowerBound...]).write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(
            String(text[begin.upperBound..<end.lowerBound]) == generated,
            "regenerate: TENANTSIM_UPDATE_GOLDEN=1 swift test --filter ActionCatalogTests")
        for action in ActionCatalog.all { #expect(generated.contains("| `\(action.name)` |")) }
    }
}
