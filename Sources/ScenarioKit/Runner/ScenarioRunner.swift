import Foundation
import HTTPTypes
import OnboardingKit
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
                _ = try await session.client(tokens: nil, cloud: .commercial).advanceClock(seconds: wait)
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
            let report = try await step.action.perform(ActionContext(session: session, step: step))
            (outcome, summary, details) = (report.outcome, report.summary, report.details)
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
