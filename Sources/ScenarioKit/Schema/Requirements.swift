/// What a scenario needs from the machine that runs it (`requires:`): Python modules its `run:`
/// steps import, commands on `PATH`, and files relative to the working folder. When something is
/// missing the scenario is reported as skipped, with the reason and the command that fixes it —
/// never as passed.
public struct Requirements: Sendable, Decodable, Hashable {
    /// Modules `python3` must import (`msgraph`, `azure.identity`), with `.venv/bin` first on `PATH`
    /// as `run:` steps have it.
    public var python: [String] = []
    /// Executables that must be on `PATH` (`az`).
    public var commands: [String] = []
    /// Files that must exist, relative to the working folder (`examples/onboard.py`).
    public var files: [String] = []

    public init(python: [String] = [], commands: [String] = [], files: [String] = []) {
        self.python = python
        self.commands = commands
        self.files = files
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case python, commands, files }

    public init(from decoder: any Decoder) throws {
        try Strict.check(decoder, allowed: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        python = try container.decodeIfPresent([String].self, forKey: .python) ?? []
        commands = try container.decodeIfPresent([String].self, forKey: .commands) ?? []
        files = try container.decodeIfPresent([String].self, forKey: .files) ?? []
        for module in python where !module.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) || module.isEmpty {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath + [CodingKeys.python],
                    debugDescription: "'\(module)' is not a Python module name (letters, digits, _ and .)"))
        }
    }

    public var isEmpty: Bool { python.isEmpty && commands.isEmpty && files.isEmpty }
}
