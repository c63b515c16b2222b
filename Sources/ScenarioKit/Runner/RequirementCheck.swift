import Foundation

/// Checks a scenario's `requires:` on this machine. Answers are cached for the process: a library
/// run asks `python3` once per module set, not once per scenario.
enum RequirementCheck {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var pythonAnswers: [[String]: String?] = [:]

    /// `PATH` as `run:` steps get it: the checkout's `.venv/bin` (what `scripts/setup` makes) first.
    static func searchPath(_ path: String?) -> String {
        let inherited = path ?? "/usr/local/bin:/usr/bin:/bin"
        let venv = FileManager.default.currentDirectoryPath + "/.venv/bin"
        return FileManager.default.fileExists(atPath: venv) ? venv + ":" + inherited : inherited
    }

    /// Why the scenario can't run here, with the fix, or `nil` when everything is present.
    static func missing(_ requirements: Requirements) async -> String? {
        let files = requirements.files.filter { !FileManager.default.fileExists(atPath: $0) }
        if !files.isEmpty {
            return "needs \(files.joined(separator: ", ")) in the working folder; fix: run it from the TenantSim checkout"
        }
        let path = searchPath(ProcessInfo.processInfo.environment["PATH"])
        let commands = requirements.commands.filter { executable($0, path: path) == nil }
        if !commands.isEmpty {
            return
                "needs the command\(commands.count == 1 ? "" : "s") \(commands.joined(separator: ", ")) on PATH; fix: run scripts/setup in the TenantSim checkout (it installs requirements.txt into .venv)"
        }
        if !requirements.python.isEmpty, let problem = await python(requirements.python, path: path) {
            return
                "needs the Python modules \(requirements.python.joined(separator: ", ")) (\(problem)); fix: run scripts/setup in the TenantSim checkout (it installs requirements.txt into .venv, which run: steps put first on PATH)"
        }
        return nil
    }

    /// The full path of `command` on `path`, or `nil`.
    static func executable(_ command: String, path: String) -> String? {
        if command.contains("/") { return FileManager.default.isExecutableFile(atPath: command) ? command : nil }
        return path.split(separator: ":").map { "\($0)/\(command)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// What keeps `python3` from importing `modules`, or `nil` when it can.
    static func python(_ modules: [String], path: String) async -> String? {
        let key = modules.sorted()
        if let cached = lock.withLock({ pythonAnswers[key] }) { return cached }
        let answer: String?
        if executable("python3", path: path) == nil {
            answer = "there is no python3 on PATH"
        } else {
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = path
            let work = FileManager.default.temporaryDirectory.path
            let script = "import " + key.joined(separator: ", ")
            do {
                let (code, output, _) = try await RunStep.execute(
                    "python3 -c '\(script)'", environment: environment, timeout: 120, directory: work)
                answer =
                    code == 0
                    ? nil
                    : output.split(separator: "\n").last.map(String.init) ?? "python3 exited with \(code)"
            } catch {
                answer = "python3 could not start: \(error)"
            }
        }
        lock.withLock { pythonAnswers[key] = answer }
        return answer
    }
}
