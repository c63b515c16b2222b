import Foundation
import Yams

/// Decoding YAML with errors that point at the file and line.
enum YAMLFile {
    static func decode<T: Decodable>(_ type: T.Type, from text: String, file: String) throws -> T {
        do {
            return try YAMLDecoder().decode(T.self, from: text)
        } catch let error as YamlError {
            throw ScenarioError(file: file, line: line(of: error), message: "invalid YAML: \(describe(error))")
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, let yaml = context.underlyingError as? YamlError {
                throw ScenarioError(file: file, line: line(of: yaml), message: "invalid YAML: \(describe(yaml))")
            }
            throw ScenarioError(file: file, line: line(of: error, in: text), message: describe(error))
        }
    }

    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    static func describe(_ error: YamlError) -> String {
        switch error {
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
        case .typeMismatch(let type, let context): return "\(path(context.codingPath)): expected \(type) — \(context.debugDescription)"
        case .valueNotFound(let type, let context): return "\(path(context.codingPath)): expected a \(type) value"
        case .dataCorrupted(let context): return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
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
