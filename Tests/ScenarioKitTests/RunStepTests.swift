import Foundation
import ScenarioKit
import Testing

@Suite("run: steps that can't lie")
struct RunStepTests {
    static var library: FixtureLibrary { ScenarioRunnerTests.library }

    func run(_ steps: String) async throws -> ScenarioResult {
        let scenario = try ScenarioLoader.parse(
            """
            name: A run step
            world:
              fixtures: [contoso]
            steps:
            \(steps)
            """, file: "run.yaml")
        return await ScenarioRunner(library: Self.library).runCatching(scenario)
    }

    @Test("a timeout kills the command's whole process group and reports 'timed out after N s'")
    func timeoutKillsTheGroup() async throws {
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("run-step-\(UUID().uuidString).pid").path
        defer { try? FileManager.default.removeItem(atPath: pidFile) }
        let result = try await run(
            """
              - run: { command: "sleep 120 & echo $! > \(pidFile); wait", timeout: 1s }
                expect: { exitCode: 0 }
            """)
        let step = try #require(result.steps.first)
        #expect(!step.passed)
        #expect(step.outcome == .failed(reason: "timed out after 1 s; the command and its children were killed"))
        // The grandchild (`sleep 120`) died with the group.
        let pid = try #require(Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        var alive = kill(pid, 0) == 0
        for _ in 0..<50 where alive {
            try await Task.sleep(for: .milliseconds(100))
            alive = kill(pid, 0) == 0
        }
        #expect(!alive, "the child process \(pid) survived the timeout")
    }

    @Test(
        "a script that never ran — an import error, a missing command — fails the step whatever exitCode expects",
        arguments: ["python3 -c 'import tenantsim_no_such_module'", "no-such-command-tenantsim"])
    func couldNotRun(command: String) async throws {
        let result = try await run(
            """
              - run: { command: "\(command)" }
                expect: { exitCode: \(command.hasPrefix("python3") ? 1 : 127) }
            """)
        let step = try #require(result.steps.first)
        #expect(!step.passed)
        guard case .failed(let reason) = step.outcome else {
            Issue.record("expected a failed step, got \(step.outcome)")
            return
        }
        #expect(reason.hasPrefix("the script could not run: "))
    }

    @Test("a script that runs and exits 1 on purpose still satisfies exitCode: 1; commands get TENANTSIM_* variables")
    func realExitCode() async throws {
        let result = try await run(
            """
              - run: { command: "test -n \\"$TENANTSIM_GRAPH_URL\\" && test -n \\"$TENANTSIM_POWER_PLATFORM_API_URL\\" && exit 1" }
                expect: { exitCode: 1 }
            """)
        #expect(result.passed, "\(TextReport.render(RunReport(scenarios: [result])))")
    }
}
