import Foundation
import TenantEngine
import TenantModel
import Yams

/// Reusable worlds as YAML files in `fixtures/`: each file is a ``WorldSpec`` (tenants and
/// personal accounts). A name like `contoso` resolves to `fixtures/contoso.yaml`.
public struct FixtureLibrary: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// `TENANTSIM_FIXTURES` when set; otherwise `fixtures/` in the current directory; otherwise the
    /// `fixtures/` of the checkout the running executable was built in (found by walking up from
    /// the executable, so `.build/debug/tenantsim serve` works from any directory).
    public static var standard: FixtureLibrary {
        if let directory = ProcessInfo.processInfo.environment["TENANTSIM_FIXTURES"] { return FixtureLibrary(directory: directory) }
        let local = FileManager.default.currentDirectoryPath + "/fixtures"
        if FileManager.default.fileExists(atPath: local) { return FixtureLibrary(directory: local) }
        var directory = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments.first ?? "")).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        while directory.path != "/" && !directory.path.isEmpty {
            let candidate = directory.appendingPathComponent("fixtures")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("contoso.yaml").path) {
                return FixtureLibrary(directory: candidate.path)
            }
            directory.deleteLastPathComponent()
        }
        return FixtureLibrary(directory: local)
    }

    /// The path of a fixture by name or path.
    public func path(of name: String) -> String {
        if name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json") {
            return name.hasPrefix("/") ? name : FileManager.default.currentDirectoryPath + "/" + name
        }
        return "\(directory)/\(name).yaml"
    }

    /// Names of the fixtures present (files in the folder, and the standard ones built in), sorted.
    public func names() -> [String] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
        return Array(Set(files).union(EmbeddedFixtures.files.keys)).sorted()
    }

    /// Loads one fixture. Errors name the file and line. A standard fixture missing from the
    /// folder (a binary copied elsewhere) comes from the copy built into the binary.
    public func load(_ name: String) throws -> WorldSpec {
        let path = path(of: name)
        if !FileManager.default.fileExists(atPath: path), let text = EmbeddedFixtures.files[name] {
            return try YAMLFile.decode(WorldSpec.self, from: text, file: "\(name) (built in)")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ScenarioError(
                file: path, line: nil,
                message:
                    "no fixture '\(name)'\(DidYouMean.phrase(for: name, among: names())) (looked for \(path); known: \(names().joined(separator: ", ")))"
            )
        }
        return try YAMLFile.decode(WorldSpec.self, from: text, file: path)
    }

    /// Loads and merges several fixtures, in order.
    public func load(_ names: [String]) throws -> WorldSpec {
        try names.reduce(WorldSpec()) { world, name in world.merged(with: try load(name)) }
    }
}
