import Foundation
import TenantModel
import Yams

/// Decoding YAML with errors that point at the file and line.
enum YAMLFile {
    static func decode<T: Decodable>(_ type: T.Type, from text: String, file: String) throws -> T {
        do {
            return try YAMLDecoder().decode(T.self, from: text)
        } catch let error as YamlError {
            throw ScenarioError(file: file, line: line(of: error) ?? duplicateLine(error, in: text), message: "invalid YAML: \(describe(error))")
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, let yaml = context.underlyingError as? YamlError {
                throw ScenarioError(file: file, line: line(of: yaml) ?? duplicateLine(yaml, in: text), message: "invalid YAML: \(describe(yaml))")
            }
            throw ScenarioError(file: file, line: line(of: error, in: text) ?? 1, message: describe(error))
        }
    }

    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    /// The line where a duplicated key appears for the second time.
    static func duplicateLine(_ error: YamlError, in text: String) -> Int? {
        guard case .duplicatedKeysInMapping(let duplicates, _) = error, let key = duplicates.first else { return nil }
        var seen = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "-" }
            if trimmed.hasPrefix(key + ":") {
                seen += 1
                if seen == 2 { return index + 1 }
            }
        }
        return nil
    }

    static func describe(_ error: YamlError) -> String {
        switch error {
        case .duplicatedKeysInMapping(let duplicates, _):
            return "the key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) appears twice in the same mapping"
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        default:
            return "\(error)"
        }
    }

    /// The coding path of a decoding error as `steps[3].expect`.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text.isEmpty ? "(top level)" : text
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])): missing required key '\(key.stringValue)'"
        case .typeMismatch(let type, let context):
            let found = context.debugDescription.range(of: "found ").map { String(context.debugDescription[$0.upperBound...]) }
            let foundType = found.map { String($0.prefix { $0 != " " }) }
            let what = foundType.flatMap { ["Mapping", "Sequence"].contains($0) ? " — found \(kind($0))" : nil } ?? ""
            if context.codingPath.isEmpty { return "(top level): a scenario is a mapping with at least 'name:' and 'steps:'\(what)" }
            return "\(path(context.codingPath)): expected \(kind(String(describing: type)))\(what)"
        case .valueNotFound(let type, let context):
            if context.codingPath.isEmpty { return "(top level): the file is empty; a scenario needs at least 'name:' and 'steps:'" }
            return "\(path(context.codingPath)): expected \(kind(String(describing: type))), found nothing"
        case .dataCorrupted(let context): return "\(path(context.codingPath)): \(choices(context.debugDescription))"
        @unknown default: return "\(error)"
        }
    }

    /// A decoder type name in a scenario author's words.
    static func kind(_ name: String) -> String {
        switch name {
        case "Mapping", "Dictionary<String, Any>", "Dictionary<String, JSONValue>": "a mapping (key: value lines)"
        case "Sequence", "Array<Any>": "a list"
        case "Scalar": "a single value"
        case "Node": "a different kind of value"
        case "String": "text"
        case "Bool": "true or false"
        case "Int", "UInt64", "Int64", "UInt", "Double": "a number"
        default: name.hasPrefix("Array") ? "a list" : name.hasPrefix("Dictionary") ? "a mapping (key: value lines)" : name
        }
    }

    /// The values an enumeration accepts, keyed by the type name the decoder reports.
    static let enumerations: [String: [String]] = [
        "Cloud": Cloud.allCases.map(\.rawValue), "EnvironmentSku": EnvironmentSku.allCases.map(\.rawValue),
        "AllowInvitesFrom": AllowInvitesFrom.allCases.map(\.rawValue), "UserType": UserType.allCases.map(\.rawValue),
        "AppKind": AppKind.allCases.map(\.rawValue), "CustomerEngagementFeature": CustomerEngagementFeature.allCases.map(\.rawValue),
        "SignInClient": SignInClient.allCases.map(\.rawValue), "CrossTenantAccessType": CrossTenantAccessType.allCases.map(\.rawValue),
    ]

    /// "Cannot initialize Cloud from invalid String value mars" with the values that would do.
    static func choices(_ description: String) -> String {
        let pattern = "Cannot initialize "
        guard description.hasPrefix(pattern) else { return description }
        let rest = description.dropFirst(pattern.count)
        let type = String(rest.prefix { $0 != " " })
        let value = description.components(separatedBy: " value ").last ?? ""
        guard let allowed = enumerations[type] else { return "'\(value)' is not a valid \(type)" }
        return "'\(value)' is not a valid \(type); use one of \(allowed.joined(separator: ", "))"
    }

    /// Best effort: the line of the deepest key of the coding path, found by indentation-aware search.
    static func line(of error: DecodingError, in text: String) -> Int? {
        let codingPath: [any CodingKey]
        switch error {
        case .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            codingPath = context.codingPath
        @unknown default: return nil
        }
        return SourceLocator(text: text).line(for: codingPath)
    }
}
