import Foundation
import TenantRules

/// Reads scenario files: decodes the YAML, records each step's and assertion's line, and checks
/// what decoding can't (rule ids in `teaches:` and `expect:` exist). Problems are ``ScenarioError``s
/// naming the file and line.
public enum ScenarioLoader {
    public static func load(_ path: String) throws -> Scenario {
        guard let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? builtIn(path) else {
            throw ScenarioError(file: path, line: nil, message: "can't read the file")
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws -> Scenario {
        var scenario = try YAMLFile.decode(Scenario.self, from: text, file: file)
        scenario.file = file
        let locator = SourceLocator(text: text)
        scenario.worldLine =
            locator.line(for: [Strict.AnyKey(stringValue: "world"), Strict.AnyKey(stringValue: "fixtures")])
            ?? locator.line(for: [Strict.AnyKey(stringValue: "world")])
        for index in scenario.steps.indices {
            scenario.steps[index].line = locator.line(for: [Strict.AnyKey(stringValue: "steps"), Index(index)])
            for inner in scenario.steps[index].assertions.indices {
                scenario.steps[index].assertions[inner].line = locator.line(for: [
                    Strict.AnyKey(stringValue: "steps"), Index(index), Strict.AnyKey(stringValue: "assert"), Index(inner),
                ])
            }
        }
        for index in scenario.assertions.indices {
            scenario.assertions[index].line = locator.line(for: [Strict.AnyKey(stringValue: "assert"), Index(index)])
        }
        let known = Set(RuleCatalog.all.map(\.id))
        for rule in scenario.teaches where !known.contains(rule) {
            throw ScenarioError(
                file: file, line: locator.line(for: [Strict.AnyKey(stringValue: "teaches")]),
                message: "teaches an unknown rule id '\(rule)'\(suggestion(rule, known))")
        }
        for (index, step) in scenario.steps.enumerated() {
            var named: [String] = []
            if case .denied(let rule, _) = step.expect { named = [rule] }
            if case .exitCode(_, let blocked) = step.expect { named = blocked }
            for rule in named where !known.contains(rule) {
                let line = locator.line(for: [Strict.AnyKey(stringValue: "steps"), Index(index), Strict.AnyKey(stringValue: "expect")])
                throw ScenarioError(file: file, line: line, message: "steps[\(index)].expect: unknown rule id '\(rule)'\(suggestion(rule, known))")
            }
        }
        return scenario
    }

    /// Scenario files under `paths` (files, or folders searched recursively), sorted. A path that
    /// isn't on disk but names the built-in library (`scenarios`, one of its folders or files)
    /// gives the built-in copies, so `tenantsim run` works from any folder; files on disk always
    /// take precedence.
    public static func files(in paths: [String]) throws -> [String] {
        var found: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                let builtIn = builtInFiles(under: path)
                guard !builtIn.isEmpty else { throw ScenarioError(file: path, line: nil, message: "no such file or folder") }
                found += builtIn
                continue
            }
            if !isDirectory.boolValue {
                found.append(path)
                continue
            }
            let enumerator = FileManager.default.enumerator(atPath: path)
            while let item = enumerator?.nextObject() as? String {
                if item.hasSuffix(".yaml") || item.hasSuffix(".yml") { found.append((path as NSString).appendingPathComponent(item)) }
            }
        }
        return found.sorted()
    }

    /// The built-in copy of a library scenario (`scenarios/01-inviting/…yaml`), if there is one.
    public static func builtIn(_ path: String) -> String? { EmbeddedScenarios.files[normalized(path)] }

    /// The built-in scenarios at or under `path` (`scenarios`, `scenarios/06-guest-makers`, or one file).
    public static func builtInFiles(under path: String) -> [String] {
        let key = normalized(path)
        guard !key.isEmpty else { return [] }
        return EmbeddedScenarios.files.keys.filter { $0 == key || $0.hasPrefix(key + "/") }.sorted()
    }

    static func normalized(_ path: String) -> String {
        var key = path
        while key.hasPrefix("./") { key.removeFirst(2) }
        while key.hasSuffix("/") { key.removeLast() }
        return key
    }

    /// The closest known rule ids (edit distance, then shared prefix), as `tenantsim rules <id>` suggests them.
    static func suggestion(_ rule: String, _ known: Set<String>) -> String {
        let close = RuleReference.suggestions(for: rule).filter(known.contains)
        return close.isEmpty ? "" : " (did you mean \(close.joined(separator: ", "))?)"
    }

    struct Index: CodingKey {
        var stringValue: String { String(intValue ?? 0) }
        var intValue: Int?
        init(_ value: Int) { intValue = value }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }
}
