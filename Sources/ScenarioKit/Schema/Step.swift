import Foundation
import TenantModel

/// One step: an actor (`as:`), exactly one action with its arguments, and an expectation.
public struct Step: Sendable, Decodable {
    public var actor: String?
    /// The tenant the actor acts in (`in: contoso`), for people who are guests there.
    public var actingTenant: String?
    public var action: ActionCatalog.Definition
    public var arguments: [String: JSONValue]
    public var expect: Expectation
    /// A teaching note shown in the report.
    public var note: String?
    /// The actor retries with back-off, as Microsoft advises, while a rule says the change hasn't
    /// arrived yet (`retry: true`); the scenario's clock advances by each wait.
    public var retry: Bool
    /// The checks of an `assert:` step: the same checks as the scenario's final `assert:`, made
    /// at this point of the story.
    public var assertions: [Assertion] = []
    /// The line of the step in its file (filled in after decoding).
    public var line: Int?

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let reserved: Set<String> = ["as", "in", "expect", "note", "retry"]
        let actionKeys = container.allKeys.filter { !reserved.contains($0.stringValue) }
        guard actionKeys.count == 1, let key = actionKeys.first else {
            let names = actionKeys.map(\.stringValue).sorted()
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: names.isEmpty
                        ? "a step needs an action (one of: \(ActionCatalog.all.map(\.name).joined(separator: ", ")))"
                        : Self.tooManyActions(names)))
        }
        guard let action = ActionCatalog.find(key.stringValue) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath + [key],
                    debugDescription:
                        "unknown action '\(key.stringValue)'\(DidYouMean.phrase(for: key.stringValue, among: ActionCatalog.all.map(\.name))) (expected one of: \(ActionCatalog.all.map(\.name).joined(separator: ", ")))"
                ))
        }
        self.action = action
        actor = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "as"))
        actingTenant = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "in"))
        expect = try container.decodeIfPresent(Expectation.self, forKey: Key(stringValue: "expect")) ?? .ok
        note = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "note"))?.trimmingCharacters(in: .whitespacesAndNewlines)
        retry = try container.decodeIfPresent(Bool.self, forKey: Key(stringValue: "retry")) ?? false
        if action.name == "assert" {
            assertions = try container.decode([Assertion].self, forKey: key)
            arguments = [:]
            guard !assertions.isEmpty else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath + [key], debugDescription: "'assert' needs at least one check"))
            }
            return
        }
        let value = try container.decode(JSONValue.self, forKey: key)
        switch value {
        case .object(let object):
            arguments = object
        case .null:
            arguments = [:]
        default:
            guard let shorthand = action.shorthand else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: decoder.codingPath + [key],
                        debugDescription: "'\(action.name)' takes a mapping with \(action.required.joined(separator: ", "))"))
            }
            arguments = [shorthand: value]
        }
        if !action.passthrough {
            let allowed = Set(action.required + action.optional)
            for name in arguments.keys.sorted() where !allowed.contains(name) {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: decoder.codingPath + [key, Key(stringValue: name)],
                        debugDescription:
                            "'\(action.name)' has no argument '\(name)' (it takes: \((action.required + action.optional).joined(separator: ", ")))"))
            }
        }
        for name in action.required where arguments[name] == nil {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath + [key], debugDescription: "'\(action.name)' needs '\(name)'"))
        }
        do {
            try action.check(arguments)
        } catch let error as DecodingError {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath + [key], debugDescription: "'\(action.name)': \(Self.reason(error))"))
        }
        if action.performer != .system && actor == nil {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(action.name)' needs an actor: add 'as: <upn, address or app:Name>'"))
        }
    }

    /// What a decoding error of an action's arguments says.
    static func reason(_ error: DecodingError) -> String {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context), .dataCorrupted(let context):
            context.debugDescription
        @unknown default: "\(error)"
        }
    }

    /// A string argument.
    func string(_ name: String) -> String? {
        switch arguments[name] {
        case .string(let value)?: value
        case .number(let value)?: value.rounded() == value ? String(Int(value)) : String(value)
        case .bool(let value)?: value ? "true" : "false"
        default: nil
        }
    }

    func bool(_ name: String) -> Bool? { arguments[name]?.boolValue }

    func strings(_ name: String) -> [String]? {
        switch arguments[name] {
        case .array(let items)?: items.compactMap(\.stringValue)
        case .string(let value)?: [value]
        default: nil
        }
    }

    /// Several action-like keys: name the ones that are no action at all, else say only one may be given.
    static func tooManyActions(_ names: [String]) -> String {
        let known = Set(ActionCatalog.all.map(\.name))
        let unknown = names.filter { !known.contains($0) }
        if !unknown.isEmpty, names.count - unknown.count == 1 {
            return "unknown key \(unknown.map { "'\($0)'" }.joined(separator: ", ")) (a step has as, in, expect, note and one action)"
        }
        return "a step takes exactly one action, found: \(names.joined(separator: ", "))"
    }
}
