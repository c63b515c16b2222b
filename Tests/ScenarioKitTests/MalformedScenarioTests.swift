import Foundation
import ScenarioKit
import Testing

@Suite("Malformed scenario files give errors naming the file and line")
struct MalformedScenarioTests {
    func error(_ text: String) -> ScenarioError? {
        do {
            _ = try ScenarioLoader.parse(text, file: "bad.yaml")
            return nil
        } catch let error as ScenarioError {
            return error
        } catch {
            Issue.record("not a ScenarioError: \(error)")
            return nil
        }
    }

    @Test("a bad YAML indent points at the line")
    func badIndent() {
        let found = error(
            """
            name: Broken
            steps:
              - as: admin@contoso.com
                invite: pat@fabrikam.com
               expect: ok
            """)
        #expect(found?.file == "bad.yaml")
        #expect(found?.line == 5)
        #expect(found?.message.hasPrefix("invalid YAML") == true)
    }

    @Test("an unknown action names itself, the known ones, and the line")
    func unknownAction() {
        let found = error(
            """
            name: Unknown action
            steps:
              - as: admin@contoso.com
                invite: pat@fabrikam.com
              - as: admin@contoso.com
                inviteEveryone: true
            """)
        #expect(found?.line == 6)
        #expect(found?.message.contains("unknown action 'inviteEveryone'") == true)
        #expect(found?.message.contains("assignLicense") == true)
    }

    @Test("an unknown rule id in an expectation is refused with its line and a suggestion")
    func unknownRule() {
        let found = error(
            """
            name: Unknown rule
            steps:
              - as: admin@contoso.com
                invite: pat@fabrikam.com
                expect: { denied: b2b.invite.blocked }
            """)
        #expect(found?.line == 5)
        #expect(found?.message.contains("unknown rule id 'b2b.invite.blocked'") == true)
        #expect(found?.message.contains("did you mean") == true)
    }

    @Test("the suggestion for a near-miss rule id names the rule it misses")
    func nearMissSuggestion() {
        let found = error(
            """
            name: Near miss
            steps:
              - as: admin@contoso.com
                invite: pat@fabrikam.com
                expect: { denied: b2b.invite.domain-blocked-x }
            """)
        #expect(found?.message.contains("did you mean b2b.invite.domain-blocked") == true, "\(found?.message ?? "")")
    }

    @Test("an unknown argument and a missing actor are refused")
    func unknownArgumentAndMissingActor() {
        let argument = error(
            """
            name: Bad argument
            steps:
              - as: admin@contoso.com
                assignLicense: { user: pat@fabrikam.com, sku: POWERAPPS_PER_USER, colour: red }
            """)
        #expect(argument?.line == 4)
        #expect(argument?.message.contains("has no argument 'colour'") == true)
        let actor = error(
            """
            name: No actor
            steps:
              - invite: pat@fabrikam.com
            """)
        #expect(actor?.line == 3)
        #expect(actor?.message.contains("needs an actor") == true)
    }

    @Test("a missing name and an unknown top-level key are refused")
    func topLevel() {
        #expect(error("description: no name\n")?.message.contains("name") == true)
        let unknown = error("name: X\nstepz: []\n")
        #expect(unknown?.line == 2)
        #expect(unknown?.message.contains("unknown key 'stepz'") == true)
    }

    @Test(
        "an empty file, a list, wrong types, a bad cloud, a duplicate key, an unknown step key and a user check without tenant each name the line and the problem"
    )
    func authorMistakes() {
        #expect(error("")?.message.contains("at least 'name:' and 'steps:'") == true)
        #expect(error("- a\n- b\n")?.message.contains("a scenario is a mapping with at least 'name:' and 'steps:'") == true)
        let world = error("name: x\nworld: contoso\nsteps: []\n")
        #expect(world?.line == 2)
        #expect(world?.message == "world: expected a mapping (key: value lines)")
        #expect(error("name: x\nseed: abc\nsteps: []\n")?.message == "seed: expected a number")
        let cloud = error("name: x\nworld:\n  tenants:\n    - key: m\n      cloud: mars\nsteps: []\n")
        #expect(cloud?.line == 5)
        #expect(cloud?.message.hasSuffix("'mars' is not a valid Cloud; use one of commercial, gcc, gccHigh, dod, china") == true)
        let duplicate = error("name: x\nname: y\nsteps: []\n")
        #expect(duplicate?.line == 2)
        #expect(duplicate?.message == "invalid YAML: the key 'name' appears twice in the same mapping")
        let stepKey = error("name: x\nsteps:\n  - as: admin@contoso.com\n    colour: red\n    invite: a@b.com\n")
        #expect(stepKey?.line == 3)
        #expect(stepKey?.message.contains("unknown key 'colour'") == true)
        let noTenant = error("name: x\nsteps: []\nassert:\n  - user: pat@fabrikam.com\n    properties: { userType: Guest }\n")
        #expect(noTenant?.line == 4)
        #expect(noTenant?.message.contains("'user' assertions need 'tenant:'") == true)
    }

    @Test("a missing fixture is a scenario failure naming the fixture, not a crash")
    func missingFixture() async throws {
        let scenario = try ScenarioLoader.parse("name: X\nworld:\n  fixtures: [nowhere]\n", file: "x.yaml")
        let result = await ScenarioRunner(library: ScenarioRunnerTests.library).runCatching(scenario)
        #expect(result.passed == false)
        #expect(result.loadError?.contains("nowhere") == true)
        #expect(result.loadError?.hasPrefix("x.yaml:3: world:") == true, "\(result.loadError ?? "")")
    }
}
