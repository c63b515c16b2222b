import Foundation
import TenantEngine
import TenantModel

/// Checks assertions on the state a scenario left, reading it from the engine.
struct AssertionChecker {
    let session: ScenarioSession

    var engine: TenantEngine { session.engine }

    func check(_ assertion: Assertion) async -> AssertionResult {
        do {
            let (summary, problems) = try await evaluate(assertion)
            return AssertionResult(
                line: assertion.line, summary: summary, passed: problems.isEmpty, failure: problems.isEmpty ? nil : problems.joined(separator: "; "))
        } catch {
            return AssertionResult(line: assertion.line, summary: "\(assertion.kind.rawValue) assertion", passed: false, failure: "\(error)")
        }
    }

    func evaluate(_ assertion: Assertion) async throws -> (String, [String]) {
        let arguments = assertion.arguments
        switch assertion.kind {
        case .user: return try await user(arguments)
        case .outbox: return try await outbox(arguments)
        case .journal: return try await journal(arguments)
        case .explain: return try await explain(arguments)
        }
    }

    func user(_ arguments: [String: JSONValue]) async throws -> (String, [String]) {
        let address = arguments["user"]?.stringValue ?? ""
        let tenant = try await engine.tenant(arguments["tenant"]?.stringValue ?? "")
        let found = try await engine.user(withAddress: address, in: tenant.id)
        var problems: [String] = []
        let summary = "\(address) in \(tenant.displayName)"
        if let exists = arguments["exists"]?.boolValue {
            if exists != (found != nil) { problems.append(exists ? "no such user" : "the user exists") }
            if !exists { return (summary + " does not exist", problems) }
        }
        guard let user = found else { return (summary, ["no user \(address) in \(tenant.displayName)"]) }
        if case .object(let expected)? = arguments["properties"] {
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            let actual = try JSONDecoder().decode(JSONValue.self, from: encoder.encode(user)).objectValue ?? [:]
            for (key, value) in expected.sorted(by: { $0.key < $1.key }) {
                let have = actual[key] ?? .null
                if !Self.matches(have, value) { problems.append("\(key) is \(Self.describe(have)), expected \(Self.describe(value))") }
            }
        }
        if case .array(let expected)? = arguments["licenses"] {
            var held: [String] = []
            for license in try await engine.licenses(of: user.id) {
                held.append(try await engine.sku(license.skuId, in: tenant.id)?.skuPartNumber ?? license.skuId)
            }
            let want = expected.compactMap(\.stringValue)
            if Set(want) != Set(held) {
                problems.append("licences are [\(held.sorted().joined(separator: ", "))], expected [\(want.sorted().joined(separator: ", "))]")
            }
        }
        if case .array(let expected)? = arguments["groups"] {
            var names: [String] = []
            for id in try await engine.groupIds(ofMember: user.id.rawValue) {
                if let group = try await engine.group(id) { names.append(group.displayName) }
            }
            for name in expected.compactMap(\.stringValue) where !names.contains(name) {
                problems.append("not a direct member of '\(name)' (member of: \(names.sorted().joined(separator: ", ")))")
            }
        }
        if case .object(let roles)? = arguments["roles"] {
            let environment = try await engine.environment(roles["environment"]?.stringValue ?? "")
            // Roles held through a team or implicitly (an administrator acting as System
            // Administrator) count, and are marked as such when listed.
            let effective = try await engine.effectiveRoles(of: user.id, in: environment.id)
            let held = Set(effective.keys)
            let listed = TenantEngine.roleLabels(effective)
            if case .array(let expected)? = roles["has"] {
                for name in expected.compactMap(\.stringValue) where !held.contains(name) {
                    problems.append(
                        "doesn't hold '\(name)' in '\(environment.displayName)' (holds: \(listed.isEmpty ? "no role" : listed.joined(separator: ", ")))"
                    )
                }
            }
            if case .array(let absent)? = roles["lacks"] {
                for name in absent.compactMap(\.stringValue) where held.contains(name) {
                    problems.append("holds '\(name)' in '\(environment.displayName)'\(effective[name].flatMap { $0 }.map { " (\($0))" } ?? "")")
                }
            }
        }
        if case .object(let dataverse)? = arguments["dataverse"] {
            let environment = try await engine.environment(dataverse["environment"]?.stringValue ?? "")
            let row = try await engine.dataverseUser(for: user.id, in: environment.id)
            if let enabled = dataverse["enabled"]?.boolValue {
                if row == nil {
                    problems.append("not a Dataverse user of '\(environment.displayName)'")
                } else if row!.isDisabled == enabled {
                    problems.append("the Dataverse user is \(row!.isDisabled ? "disabled" : "enabled")")
                }
            }
            if dataverse["exists"]?.boolValue == false, row != nil { problems.append("is a Dataverse user of '\(environment.displayName)'") }
        }
        return (summary, problems)
    }

    func outbox(_ arguments: [String: JSONValue]) async throws -> (String, [String]) {
        let to = arguments["outbox"]?.stringValue
        var messages = try await engine.outbox(to: to)
        if let kind = arguments["kind"]?.stringValue { messages = messages.filter { $0.kind.rawValue == kind } }
        var problems: [String] = []
        if case .number(let count)? = arguments["count"], messages.count != Int(count) {
            problems.append("\(messages.count) message(s), expected \(Int(count))")
        }
        if let text = arguments["contains"]?.stringValue,
            !messages.contains(where: { $0.body.contains(text) || $0.url == text || $0.subject.contains(text) })
        {
            problems.append("no message contains '\(text)'")
        }
        if arguments["count"] == nil && arguments["contains"] == nil && messages.isEmpty { problems.append("no messages") }
        return ("outbox\(to.map { " to \($0)" } ?? "")", problems)
    }

    func journal(_ arguments: [String: JSONValue]) async throws -> (String, [String]) {
        let operation = arguments["journal"]?.stringValue ?? ""
        let journal = try await engine.journal()
        guard TenantOperation.named(operation) != nil else {
            let close = TenantOperation.all.map(\.rawValue).filter { $0.lowercased().contains(operation.lowercased().prefix(5)) }
            return (
                "journal \(operation)",
                ["'\(operation)' is not an operation\(close.isEmpty ? "" : " (did you mean \(close.joined(separator: ", "))?)")"]
            )
        }
        var entries = journal.filter { $0.operation == operation }
        // `count: 0` asks for no entries: none at all is the answer, not a sign of a misspelling.
        if entries.isEmpty && arguments["count"] != .number(0) && !journal.contains(where: { $0.operation == operation }) {
            // Most likely a misspelt operation: say which ones the journal holds.
            let known = Array(Set(journal.map(\.operation))).sorted()
            return ("journal \(operation)", ["no '\(operation)' entries; the journal holds: \(known.joined(separator: ", "))"])
        }
        if let outcome = arguments["outcome"]?.stringValue { entries = entries.filter { $0.outcome.rawValue == outcome } }
        if let target = arguments["target"]?.stringValue {
            // A target is named by address in scenarios; the journal records object ids.
            var ids: Set<String> = [target.lowercased()]
            for tenant in try await engine.tenants() {
                if let user = try await engine.user(withAddress: target, in: tenant.id) { ids.insert(user.id.rawValue) }
            }
            entries = entries.filter { entry in ids.contains { entry.target?.lowercased().contains($0) ?? false } }
        }
        if case .array(let rules)? = arguments["ruleIds"] {
            let want = rules.compactMap(\.stringValue)
            entries = entries.filter { $0.ruleIds == want }
        }
        var problems: [String] = []
        if case .number(let count)? = arguments["count"] {
            if entries.count != Int(count) { problems.append("\(entries.count) matching entries, expected \(Int(count))") }
        } else if entries.isEmpty {
            problems.append("no matching journal entry")
        }
        return ("journal: \(operation)\(arguments["outcome"]?.stringValue.map { " \($0)" } ?? "")", problems)
    }

    func explain(_ arguments: [String: JSONValue]) async throws -> (String, [String]) {
        let guest = arguments["explain"]?.stringValue ?? ""
        let checklist = try await engine.explain(guest, in: arguments["environment"]?.stringValue ?? "")
        var problems: [String] = []
        if let next = arguments["next"]?.stringValue {
            let actual = checklist.nextStep?.blockingRule ?? "(none)"
            if actual != next { problems.append("the next blocking rule is \(actual), expected \(next)") }
        }
        if let name = arguments["capability"]?.stringValue {
            guard let capability = checklist.capabilities.first(where: { $0.name == name }) else {
                return ("explain \(guest)", ["no capability '\(name)' (known: \(checklist.capabilities.map(\.name).joined(separator: ", ")))"])
            }
            if let rule = arguments["blockedBy"]?.stringValue, capability.blockingRule != rule {
                problems.append(
                    "'\(name)' is \(capability.verdict.rawValue)\(capability.blockingRule.map { " by \($0)" } ?? ""), expected blocked by \(rule)")
            }
            if let allowed = arguments["allowed"]?.boolValue, (capability.verdict == .allowed) != allowed {
                problems.append("'\(name)' is \(capability.verdict.rawValue)")
            }
        }
        return ("explain \(guest)", problems)
    }

    static let sortedEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    static func matches(_ actual: JSONValue, _ expected: JSONValue) -> Bool {
        switch (actual, expected) {
        case (.string(let a), .string(let b)): return a.lowercased() == b.lowercased()
        case (.array(let items), .string(let b)): return items.contains { matches($0, .string(b)) }
        default: return actual == expected
        }
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let bool): String(bool)
        case .number(let number): String(number)
        case .string(let string): "'\(string)'"
        case .array, .object: String(decoding: (try? sortedEncoder.encode(value)) ?? Data(), as: UTF8.self)
        }
    }
}
