import Foundation
import ScenarioKit
import Testing

/// The scenario format's newer parts: `requires:` (skipped scenarios), `assert:` steps in the
/// middle of a story, the built-in library, and what the reports say about failures and skips.
@Suite("Scenario format: requires, mid-story assertions, built-in library")
struct ScenarioFormatTests {
    static var root: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
    static var library: FixtureLibrary { FixtureLibrary(directory: root.appendingPathComponent("fixtures").path) }

    func run(_ yaml: String, timings: Bool = false) async throws -> ScenarioResult {
        let scenario = try ScenarioLoader.parse(yaml, file: "format.yaml")
        return await ScenarioRunner(library: Self.library, timings: timings).runCatching(scenario)
    }

    @Test("a scenario whose Python module is missing is skipped with the reason and the fix, and runs no step")
    func missingPythonModuleSkips() async throws {
        let result = try await run(
            """
            name: Needs a module nobody has
            requires: { python: [tenantsim_no_such_module] }
            world: { fixtures: [contoso] }
            steps:
              - as: admin@contoso.com
                invite: pat@fabrikam.com
            """)
        let reason = try #require(result.skipped)
        #expect(reason.contains("tenantsim_no_such_module"))
        #expect(reason.contains("fix: run scripts/setup"))
        #expect(result.steps.isEmpty)
        #expect(result.passed)
        let report = RunReport(scenarios: [result])
        #expect(report.skippedCount == 1)
        #expect(report.summary.contains("0 passed, 0 failed, 1 skipped"))
        #expect(TextReport.render(report).contains("skipped: needs the Python modules tenantsim_no_such_module"))
        #expect(JUnitReport.render(report).contains("<skipped message=\"needs the Python modules tenantsim_no_such_module"))
        #expect(MarkdownReport.render(report).contains("## Skipped"))
    }

    @Test("a scenario whose files and commands are present runs; a missing file or command skips it")
    func filesAndCommands() async throws {
        let present = try await run(
            """
            name: Needs sh
            requires: { commands: [sh] }
            world: { fixtures: [contoso] }
            """)
        #expect(present.skipped == nil)
        let missingFile = try await run(
            """
            name: Needs a file
            requires: { files: [no/such/file.py] }
            world: { fixtures: [contoso] }
            """)
        #expect(missingFile.skipped?.contains("needs no/such/file.py in the working folder") == true)
        let missingCommand = try await run(
            """
            name: Needs a command
            requires: { commands: [tenantsim-no-such-command] }
            world: { fixtures: [contoso] }
            """)
        #expect(missingCommand.skipped?.contains("needs the command tenantsim-no-such-command on PATH") == true)
    }

    @Test("requires: refuses a Python module name that isn't one, with its line")
    func badModuleName() throws {
        #expect(throws: ScenarioError.self) {
            try ScenarioLoader.parse(
                """
                name: Bad
                requires: { python: ["os; rm -rf /"] }
                """, file: "bad.yaml")
        }
    }

    @Test("an assert: step checks the state at that point of the story: it passes before a change and fails after it")
    func midStoryAssertions() async throws {
        let result = try await run(
            """
            name: Mid-story checks
            world: { fixtures: [contoso, fabrikam] }
            steps:
              - as: admin@contoso.com
                invite: pat@fabrikam.com
              - assert:
                  - user: pat@fabrikam.com
                    tenant: contoso
                    properties: { userType: Guest, externalUserState: PendingAcceptance }
                  - journal: createInvitation
                    outcome: succeeded
                    count: 1
              - as: pat@fabrikam.com
                redeem: contoso
              - assert:
                  - user: pat@fabrikam.com
                    tenant: contoso
                    properties: { externalUserState: PendingAcceptance }
            """)
        #expect(result.steps.count == 4)
        #expect(result.steps[1].passed)
        #expect(result.steps[1].details.count == 2)
        #expect(!result.steps[3].passed)
        guard case .failed(let reason) = result.steps[3].outcome else {
            Issue.record("expected a failed assert step, got \(result.steps[3].outcome)")
            return
        }
        #expect(reason.contains("externalUserState"))
        #expect(result.steps[3].line == 15)
    }

    @Test("an empty assert: step is refused when the file loads")
    func emptyAssertStep() throws {
        #expect(throws: ScenarioError.self) {
            try ScenarioLoader.parse("name: Empty\nsteps:\n  - assert: []\n", file: "empty.yaml")
        }
    }

    @Test("the scenario library is built into the binary and matches scenarios/ (regenerate with scripts/embed-fixtures)")
    func builtInLibraryMatchesDisk() throws {
        let onDisk = try ScenarioLoader.files(in: [Self.root.appendingPathComponent("scenarios").path]).map {
            String($0.dropFirst(Self.root.path.count + 1))
        }
        let builtIn = ScenarioLoader.builtInFiles(under: "scenarios")
        #expect(onDisk == builtIn)
        for file in onDisk {
            let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
            #expect(
                ScenarioLoader.builtIn(file) == text.trimmingCharacters(in: .newlines), "\(file) is stale: run scripts/embed-fixtures")
        }
        #expect(ScenarioLoader.builtInFiles(under: "./scenarios/06-guest-makers/").allSatisfy { $0.hasPrefix("scenarios/06-guest-makers/") })
        #expect(ScenarioLoader.builtInFiles(under: "scenarios/no-such-folder").isEmpty)
    }

    @Test("a failing step's JUnit failure carries the rule's explanation and note; Markdown carries the explanation too")
    func failureBodiesCarryTheWhy() async throws {
        let result = try await run(
            """
            name: Wrong expectation
            world: { fixtures: [contoso, fabrikam] }
            steps:
              - as: admin@contoso.com
                invite: pat@fabrikam.com
              - as: admin@contoso.com
                assignLicense: { user: pat@fabrikam.com, sku: POWERAPPS_PER_USER }
                note: the profile step was forgotten
            """)
        let report = RunReport(scenarios: [result])
        let junit = JUnitReport.render(report)
        #expect(junit.contains("<failure message=\"expected ok, got denied by license.assign.usage-location-missing"))
        #expect(junit.contains("why (license.assign.usage-location-missing): "))
        #expect(junit.contains("note: the profile step was forgotten"))
        #expect(!junit.contains("time="))
        let markdown = MarkdownReport.render(report)
        #expect(markdown.contains("  - why (`license.assign.usage-location-missing`): "))
    }

    @Test("timings are measured only when asked for, and then appear as JUnit time attributes")
    func timingsOnlyWhenAsked() async throws {
        let yaml = """
            name: Timed
            world: { fixtures: [contoso, fabrikam] }
            steps:
              - as: admin@contoso.com
                invite: pat@fabrikam.com
            """
        let plain = try await run(yaml)
        #expect(plain.seconds == nil && plain.steps.allSatisfy { $0.seconds == nil })
        let timed = try await run(yaml, timings: true)
        #expect(timed.seconds != nil && timed.steps.allSatisfy { $0.seconds != nil })
        #expect(JUnitReport.render(RunReport(scenarios: [timed])).contains(" time=\""))
    }

    @Test("roles: assertions see an administrator's implicit System Administrator role, marked as implicit")
    func rolesSeeImplicitAdminRights() async throws {
        func run(_ check: String) async throws -> ScenarioResult {
            try await self.run(
                """
                name: Implicit roles
                world: { fixtures: [contoso] }
                assert:
                  - user: admin@contoso.com
                    tenant: contoso
                    roles: { environment: Contoso Sales, \(check) }
                """)
        }
        #expect(try await run("has: [System Administrator]").passed)
        let lacks = try await run("lacks: [System Administrator]")
        #expect(!lacks.passed)
        #expect(
            lacks.assertions.first?.failure?.contains(
                "holds 'System Administrator' in 'Contoso Sales' (implicit: a Global or Power Platform administrator)") == true)
        let missing = try await run("has: [Basic User]")
        #expect(missing.assertions.first?.failure?.contains("holds: System Administrator (implicit") == true)
    }

    @Test("a misspelt action, actor, group, directory role, security role or fixture is answered with the closest names")
    func suggestionsOnTypos() async throws {
        #expect(throws: ScenarioError.self) { try ScenarioLoader.parse("name: x\nsteps:\n  - as: a@b.com\n    invitee: x@y.com\n", file: "t.yaml") }
        do {
            _ = try ScenarioLoader.parse("name: x\nsteps:\n  - as: a@b.com\n    invitee: x@y.com\n", file: "t.yaml")
        } catch let error as ScenarioError {
            #expect(error.message.contains("unknown action 'invitee' (did you mean 'invite'?)"))
        }
        let result = try await run(
            """
            name: Typos
            world: { fixtures: [contoso, fabrikam] }
            steps:
              - as: useradmn@contoso.com
                invite: pat@fabrikam.com
              - as: admin@contoso.com
                invite: pat@fabrikam.com
              - as: admin@contoso.com
                addToGroup: { user: pat@fabrikam.com, group: Sales Environment User }
              - as: admin@contoso.com
                assignDirectoryRole: { user: pat@fabrikam.com, role: User Admin }
              - as: admin@contoso.com
                assignSecurityRole: { user: admin@contoso.com, environment: Contoso Sales, role: Basic Usr }
                expect: { error: "0x80040217" }
            """)
        func reason(_ index: Int) -> String {
            if case .failed(let reason) = result.steps[index].outcome { return reason }
            return result.steps[index].outcome.summary
        }
        #expect(reason(0).contains("(did you mean 'useradmin@contoso.com'"))
        #expect(reason(2).contains("(did you mean 'Sales Environment Users'?)"))
        #expect(reason(3).contains("(did you mean 'User Administrator'?)"))
        #expect(reason(4).contains("(did you mean 'Basic User'?)"))
        let world = try await run("name: x\nworld: { fixtures: [contosso] }\n")
        #expect(world.loadError?.contains("no fixture 'contosso' (did you mean 'contoso'?)") == true)
    }

    static let hasCurlAndJq = ["curl", "jq"].allSatisfy { command in
        ["/usr/bin/", "/bin/", "/usr/local/bin/"].contains { FileManager.default.isExecutableFile(atPath: $0 + command) }
    }

    @Test(
        "after a run: step, a capability the script set up but a rule blocks fails the step unless the scenario expects it",
        .enabled(if: hasCurlAndJq, "needs curl and jq (scripts/setup installs them)"))
    func setupCheckAfterRun() async throws {
        let file = Self.root.appendingPathComponent("scenarios/11-real-scripts/script-makes-a-personal-account-a-maker.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let expected = await ScenarioRunner(library: Self.library).runCatching(try ScenarioLoader.parse(text, file: "maker.yaml"))
        let step = try #require(expected.steps.last)
        #expect(step.passed, "\(TextReport.render(RunReport(scenarios: [expected])))")
        #expect(step.outcome == .exited(code: 0, blocked: ["pp.maker.msa-cannot-sign-in"]))
        #expect(step.details.contains { $0.contains("the script set up sam.personal@outlook.com to make canvas apps in 'Contoso Apps'") })
        #expect(!step.details.contains { $0.contains("set up pat@fabrikam.com") })

        let naive = text.replacingOccurrences(of: "expect: { exitCode: 0, blocked: [pp.maker.msa-cannot-sign-in] }", with: "expect: ok")
        #expect(naive != text)
        let result = await ScenarioRunner(library: Self.library).runCatching(try ScenarioLoader.parse(naive, file: "maker.yaml"))
        #expect(result.steps.last?.passed == false)
        #expect(result.steps.last?.outcome.summary == "exit code 0; set up what `pp.maker.msa-cannot-sign-in` blocks")
    }

    @Test("expect: blocked: names rule ids that exist")
    func blockedNamesKnownRules() throws {
        #expect(throws: ScenarioError.self) {
            try ScenarioLoader.parse("name: x\nsteps:\n  - run: true\n    expect: { blocked: [pp.maker.no-such-rule] }\n", file: "b.yaml")
        }
    }

    @Test("the text report marks a denial as expected with ⊘ and the rule, wraps to a width, and paints each line by its mark")
    func textReportForReaders() async throws {
        let result = try await run(
            """
            name: Usage location first
            world: { fixtures: [contoso, fabrikam] }
            steps:
              - as: admin@contoso.com
                invite: pat@fabrikam.com
              - as: admin@contoso.com
                assignLicense: { user: pat@fabrikam.com, sku: POWERAPPS_PER_USER }
                expect: { denied: license.assign.usage-location-missing }
            """)
        let report = RunReport(scenarios: [result])
        let plain = TextReport.render(report)
        #expect(
            plain.contains(
                "⊘ 2. admin@contoso.com: assign POWERAPPS_PER_USER to pat@fabrikam.com — denied as expected (rule license.assign.usage-location-missing)"
            ))
        #expect(!plain.contains("✓ 2."), "a denial as expected is not shown as done")
        guard case .denied(_, _, _, _, let explanation?, _) = result.steps[1].outcome else {
            Issue.record("expected a denial with an explanation")
            return
        }
        #expect(plain.components(separatedBy: explanation).count - 1 == 1, "the explanation is printed once")
        let wrapped = TextReport.render(report, width: 60)
        for line in wrapped.split(separator: "\n") where line.contains(" ") {
            let longestWord = line.split(separator: " ").map(\.count).max() ?? 0
            #expect(line.count <= 60 || longestWord > 40, "\(line)")
        }
        #expect(wrapped.replacingOccurrences(of: "\n", with: " ").contains("denied as expected"))
        var marks: [TextMark] = []
        _ = TextReport.render(
            report,
            paint: { mark, text in
                marks.append(mark)
                return text
            })
        #expect(marks.contains(.deniedAsExpected) && marks.contains(.passed) && marks.contains(.summary))
    }

    @Test("--verbose shows the facts the deciding rule read; without it they stay out of the report")
    func verboseFacts() async throws {
        let result = try await run(
            """
            name: Facts
            world: { fixtures: [contoso, fabrikam] }
            steps:
              - as: admin@contoso.com
                invite: pat@fabrikam.com
              - as: admin@contoso.com
                assignLicense: { user: pat@fabrikam.com, sku: POWERAPPS_PER_USER }
                expect: { denied: license.assign.usage-location-missing }
            """)
        guard case .denied(_, _, _, _, _, let facts) = result.steps[1].outcome else {
            Issue.record("expected a denial")
            return
        }
        #expect(!facts.isEmpty)
        let verbose = TextReport.render(TextReport.lines(result, verbose: true))
        let plain = TextReport.render(TextReport.lines(result))
        #expect(verbose.contains("facts: \(facts[0])"))
        #expect(!plain.contains("facts: "))
    }
}
