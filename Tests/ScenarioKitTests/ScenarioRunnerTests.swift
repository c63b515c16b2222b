import Foundation
import ScenarioKit
import Testing

@Suite("Running scenarios")
struct ScenarioRunnerTests {
    static var root: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
    static var library: FixtureLibrary { FixtureLibrary(directory: root.appendingPathComponent("fixtures").path) }

    @Test("the usage-location scenario passes and explains its expected denial")
    func usageLocation() async throws {
        let file = Self.root.appendingPathComponent("scenarios/01-inviting/usage-location-before-licence.yaml").path
        let result = await ScenarioRunner(library: Self.library).run(file: file)
        #expect(result.loadError == nil, "\(result.loadError ?? "")")
        #expect(result.passed, "\(TextReport.render(RunReport(scenarios: [result])))")
        #expect(result.deniedAsExpected == ["license.assign.usage-location-missing"])
        let text = TextReport.render(RunReport(scenarios: [result]))
        #expect(
            text.contains(
                "⊘ 3. licenseadmin@contoso.com: assign POWERAPPS_PER_USER to pat@fabrikam.com — denied as expected (rule license.assign.usage-location-missing)"
            ))
    }

    @Test("mentions: finds words in the wire message as well as in the explanation; absent words fail the step")
    func mentionsSearchesTheWireMessage() async throws {
        func run(_ mentions: String) async throws -> ScenarioResult {
            let scenario = try ScenarioLoader.parse(
                """
                name: Mentions
                world:
                  fixtures: [contoso, fabrikam]
                steps:
                  - as: admin@contoso.com
                    invite: pat@fabrikam.com
                  - as: admin@contoso.com
                    assignLicense: { user: pat@fabrikam.com, sku: POWERAPPS_PER_USER }
                    expect: { denied: license.assign.usage-location-missing, mentions: [\(mentions)] }
                """, file: "mentions.yaml")
            return await ScenarioRunner(library: Self.library).runCatching(scenario)
        }
        #expect(try await run("\"cannot be done for user with invalid usage location\"").passed)
        #expect(!(try await run("\"no such words anywhere\"").passed))
    }

    @Test("an admin step naming an address nobody has goes over the wire and meets an expected 404 Request_ResourceNotFound")
    func unknownUserReachesTheServer() async throws {
        let scenario = try ScenarioLoader.parse(
            """
            name: Deleting nobody
            world:
              fixtures: [contoso]
            steps:
              - as: admin@contoso.com
                deleteUser: { user: nobody@contoso.com }
                expect: { error: Request_ResourceNotFound, status: 404 }
              - as: admin@contoso.com
                setProfile: { user: ghost@fabrikam.com, usageLocation: US }
                expect: { error: Request_ResourceNotFound, status: 404 }
            """, file: "nobody.yaml")
        let result = await ScenarioRunner(library: Self.library).runCatching(scenario)
        #expect(result.passed, "\(TextReport.render(RunReport(scenarios: [result])))")
    }
}
