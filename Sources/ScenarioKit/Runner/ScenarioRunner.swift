import Foundation
import HTTPTypes
import TenantEngine
import TenantModel

/// Runs scenario files: builds each world fresh (its own seed and clock), performs the steps
/// through the wire, and checks expectations and assertions.
public struct ScenarioRunner: Sendable {
    public let library: FixtureLibrary
    /// Measure wall-clock seconds per scenario and step (`--timings`). Off by default, so reports
    /// are byte-identical from run to run.
    public let timings: Bool

    public init(library: FixtureLibrary = .standard, timings: Bool = false) {
        self.library = library
        self.timings = timings
    }

    /// Runs the scenario at `path`. Loading problems become a failed result, not a crash.
    public func run(file path: String) async -> ScenarioResult {
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.load(path)
        } catch {
            return ScenarioResult(
                file: path, name: (path as NSString).lastPathComponent, description: "", teaches: [], steps: [], assertions: [], loadError: "\(error)"
            )
        }
        return await runCatching(scenario)
    }

    /// Runs a loaded scenario; a world that can't be built is a failed result.
    public func runCatching(_ scenario: Scenario) async -> ScenarioResult {
        do {
            return try await run(scenario)
        } catch let failure as WorldFailure {
            return failure.result
        } catch {
            return ScenarioResult(
                file: scenario.file, name: scenario.name, description: scenario.description, teaches: scenario.teaches, steps: [], assertions: [],
                loadError: "\(error)")
        }
    }

    /// Runs a scenario, or reports it skipped when this machine lacks what it `requires:`.
    public func run(_ scenario: Scenario) async throws -> ScenarioResult {
        if let reason = await RequirementCheck.missing(scenario.requires) {
            return ScenarioResult(
                file: scenario.file, name: scenario.name, description: scenario.description, teaches: scenario.teaches, steps: [],
                assertions: [], loadError: nil, skipped: reason)
        }
        let started = ContinuousClock.now
        var (result, _) = try await runKeepingSession(scenario)
        if timings { result.seconds = Self.seconds(since: started) }
        return result
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Runs a scenario and returns its engine too (for `explain --scenario`).
    public func runKeepingState(_ scenario: Scenario) async throws -> (ScenarioResult, TenantEngine) {
        let (result, session) = try await runKeepingSession(scenario)
        return (result, session.engine)
    }

    func runKeepingSession(_ scenario: Scenario) async throws -> (ScenarioResult, ScenarioSession) {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("tenantsim-scenario-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let session: ScenarioSession
        do {
            session = try await ScenarioSession(scenario: scenario, library: library, workDirectory: work)
        } catch {
            let result = ScenarioResult(
                file: scenario.file, name: scenario.name, description: scenario.description, teaches: scenario.teaches, steps: [],
                assertions: [], loadError: Self.worldError(error, scenario: scenario))
            throw WorldFailure(result: result)
        }
        var steps: [StepResult] = []
        for (index, step) in scenario.steps.enumerated() {
            let started = ContinuousClock.now
            var result = await perform(step, index: index + 1, session: session)
            if timings { result.seconds = Self.seconds(since: started) }
            steps.append(result)
        }
        var assertions: [AssertionResult] = []
        for assertion in scenario.assertions { assertions.append(await AssertionChecker(session: session).check(assertion)) }
        let result = ScenarioResult(
            file: scenario.file, name: scenario.name, description: scenario.description, teaches: scenario.teaches, steps: steps,
            assertions: assertions,
            loadError: nil)
        return (result, session)
    }

    /// Rules that say a change hasn't arrived yet: a step with `retry: true` waits and tries again.
    static let retryableRules: Set<String> = ["directory.replication.not-yet-visible", "pp.dataverse.user-not-yet-synced"]

    /// Back-off of a retrying script, in seconds: 2, 4, 8… doubling, at most 120 s a wait and
    /// 15 minutes in all (Microsoft's advice for eventual consistency: retry with exponential back-off).
    static let backOff: [Int] = [2, 4, 8, 16, 32, 64, 120, 120, 120, 120, 120, 120, 120]

    func perform(_ step: Step, index: Int, session: ScenarioSession) async -> StepResult {
        var result = await performOnce(step, index: index, session: session)
        guard step.retry else { return result }
        var waited: [Int] = []
        for wait in Self.backOff {
            guard case .denied(let rule, _, _, _, _, _) = result.outcome, Self.retryableRules.contains(rule) else { break }
            do {
                _ = try await session.send(.post, "localhost", "/_tenantsim/clock/advance", json: ["seconds": wait])
            } catch { break }
            waited.append(wait)
            result = await performOnce(step, index: index, session: session)
        }
        if !waited.isEmpty {
            result.details.insert("retried \(waited.count)× with back-off (\(waited.map { "\($0)s" }.joined(separator: ", ")))", at: 0)
        }
        return result
    }

    func performOnce(_ step: Step, index: Int, session: ScenarioSession) async -> StepResult {
        var details: [String] = []
        let outcome: StepOutcome
        var summary = step.action.name
        do {
            switch step.action.performer {
            case .admin:
                (outcome, summary) = try await AdminActions(session: session, step: step).perform()
            case .guest:
                (outcome, summary) = try await GuestActions(session: session, step: step).perform()
            case .system:
                switch step.action.name {
                case "advance":
                    guard let text = step.string("by"), let seconds = Durations.seconds(text) else {
                        throw ScenarioFailure("advance takes a duration like 90s, 15m, 2h or 1d")
                    }
                    let reply = try await session.send(.post, "localhost", "/_tenantsim/clock/advance", json: ["seconds": seconds])
                    outcome = reply.outcome(detail: reply.json["now"] as? String)
                    summary = "time passes: \(text)"
                case "run":
                    (outcome, summary, details) = try await RunStep(session: session, step: step).perform()
                case "assert":
                    (outcome, summary, details) = await checkAssertions(step.assertions, session: session)
                default:
                    let checklist = try await session.engine.explain(step.string("guest") ?? "", in: step.string("environment") ?? "")
                    details = checklist.render().split(separator: "\n").map(String.init)
                    outcome = .ok(detail: nil)
                    summary = "explain where \(step.string("guest") ?? "") stands in '\(step.string("environment") ?? "")'"
                }
            }
        } catch {
            let message = (error as? TenantError)?.message ?? "\(error)"
            return StepResult(
                index: index, line: step.line, actor: step.actor, action: step.action.name, summary: summary, expected: step.expect.description,
                outcome: .failed(reason: message), passed: false, note: step.note, details: details)
        }
        return StepResult(
            index: index, line: step.line, actor: step.actor, action: step.action.name, summary: summary, expected: step.expect.description,
            outcome: outcome, passed: outcome.satisfies(step.expect), note: step.note, details: details)
    }
}

extension ScenarioRunner {
    /// An `assert:` step: every check is made; the step fails with the failures of those that don't hold.
    func checkAssertions(_ assertions: [Assertion], session: ScenarioSession) async -> (StepOutcome, String, [String]) {
        var results: [AssertionResult] = []
        for assertion in assertions { results.append(await AssertionChecker(session: session).check(assertion)) }
        let details = results.map { "\($0.passed ? "✓" : "✗") \($0.summary)\($0.failure.map { " — \($0)" } ?? "")" }
        let failures = results.filter { !$0.passed }.map { "\($0.summary): \($0.failure ?? "")" }
        let summary = "check \(assertions.count) thing\(assertions.count == 1 ? "" : "s") at this point"
        return (failures.isEmpty ? .ok(detail: nil) : .failed(reason: failures.joined(separator: "; ")), summary, details)
    }

    /// Why a scenario's world couldn't be built, pointing at the scenario's `world:` line.
    static func worldError(_ error: any Error, scenario: Scenario) -> String {
        let place = scenario.file + (scenario.worldLine.map { ":\($0)" } ?? "")
        if let error = error as? ScenarioError { return "\(place): world: \(error.message)" }
        return "\(place): the world couldn't be built: \(error)"
    }
}

/// The scenario's world couldn't be built (a bad fixture or override).
struct WorldFailure: Error {
    let result: ScenarioResult
}
