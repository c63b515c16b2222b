import Foundation
import TenantModel

/// Parses `$filter` text into a ``FilterExpression``. Errors are Graph's 400 `BadRequest` with the
/// position of the problem.
public struct FilterParser {
    enum Token: Equatable {
        case word(String)
        case string(String)
        case open, close, comma
    }

    var tokens: [Token]
    var position = 0
    let text: String
    /// The range variable of the lambda being parsed (`i` in `identities/any(i:i/issuer eq 'x')`).
    var lambdaVariable: String?
    /// How deep the parser is in parentheses, `not` and lambdas, and how many nodes it made.
    var depth = 0
    var nodes = 0

    /// Parses `text`, refusing anything longer, deeper or larger than ``ParserLimits`` allows.
    public static func parse(_ text: String) throws -> FilterExpression {
        try ParserLimits.checkLength("$filter", text)
        var parser = FilterParser(tokens: try tokenize(text), text: text)
        let expression = try parser.parseOr()
        guard parser.position == parser.tokens.count else { throw parser.error("unexpected '\(parser.describe(parser.tokens[parser.position]))'") }
        return expression
    }

    static func tokenize(_ text: String) throws -> [Token] {
        var tokens: [Token] = []
        var index = text.startIndex
        while index < text.endIndex {
            let char = text[index]
            if char.isWhitespace {
                index = text.index(after: index)
            } else if char == "(" {
                tokens.append(.open)
                index = text.index(after: index)
            } else if char == ")" {
                tokens.append(.close)
                index = text.index(after: index)
            } else if char == "," {
                tokens.append(.comma)
                index = text.index(after: index)
            } else if char == "'" {
                var value = ""
                index = text.index(after: index)
                var closed = false
                while index < text.endIndex {
                    if text[index] == "'" {
                        let next = text.index(after: index)
                        if next < text.endIndex && text[next] == "'" {
                            value.append("'")
                            index = text.index(after: next)
                            continue
                        }
                        index = next
                        closed = true
                        break
                    }
                    value.append(text[index])
                    index = text.index(after: index)
                }
                guard closed else { throw TenantError.badRequest("Invalid filter clause: unterminated string literal.", code: "BadRequest") }
                tokens.append(.string(value))
            } else {
                var word = ""
                while index < text.endIndex, !text[index].isWhitespace, !"(),'".contains(text[index]) {
                    word.append(text[index])
                    index = text.index(after: index)
                }
                tokens.append(.word(word))
            }
        }
        return tokens
    }

    func error(_ detail: String) -> TenantError {
        TenantError.badRequest("Invalid filter clause: \(detail) in '\(text)'.", code: "BadRequest")
    }

    func describe(_ token: Token) -> String {
        switch token {
        case .word(let word): word
        case .string(let value): "'\(value)'"
        case .open: "("
        case .close: ")"
        case .comma: ","
        }
    }

    /// Steps one level deeper (parentheses, `not`, a lambda); refuses beyond ``ParserLimits/filterDepth``.
    mutating func descend() throws {
        depth += 1
        guard depth <= ParserLimits.filterDepth else {
            throw TenantError.badRequest(
                "Invalid filter clause: the expression is nested more than \(ParserLimits.filterDepth) levels deep.", code: "BadRequest")
        }
    }

    /// Counts one comparison, function or lambda; refuses beyond ``ParserLimits/filterNodes``.
    mutating func countNode() throws {
        nodes += 1
        guard nodes <= ParserLimits.filterNodes else {
            throw TenantError.badRequest(
                "Invalid filter clause: the expression has more than \(ParserLimits.filterNodes) clauses.", code: "BadRequest")
        }
    }

    mutating func next() -> Token? {
        guard position < tokens.count else { return nil }
        defer { position += 1 }
        return tokens[position]
    }

    func peekWord() -> String? {
        guard position < tokens.count, case .word(let word) = tokens[position] else { return nil }
        return word.lowercased()
    }

    mutating func expect(_ token: Token) throws {
        guard let got = next(), got == token else { throw error("expected '\(describe(token))'") }
    }

    mutating func parseOr() throws -> FilterExpression {
        var left = try parseAnd()
        while peekWord() == "or" {
            position += 1
            left = .or(left, try parseAnd())
        }
        return left
    }

    mutating func parseAnd() throws -> FilterExpression {
        var left = try parseUnary()
        while peekWord() == "and" {
            position += 1
            left = .and(left, try parseUnary())
        }
        return left
    }

    mutating func parseUnary() throws -> FilterExpression {
        if peekWord() == "not" {
            position += 1
            try descend()
            defer { depth -= 1 }
            return .not(try parseUnary())
        }
        return try parsePrimary()
    }

    mutating func parsePrimary() throws -> FilterExpression {
        guard let token = next() else { throw error("the expression ends early") }
        switch token {
        case .open:
            try descend()
            defer { depth -= 1 }
            let inner = try parseOr()
            try expect(.close)
            return inner
        case .word(let word):
            try countNode()
            let lower = word.lowercased()
            if lower.hasSuffix("/any"), lambdaVariable == nil, position < tokens.count, tokens[position] == .open {
                position += 1
                return try parseLambda(collection: String(word.dropLast(4)))
            }
            if (lower == "startswith" || lower == "endswith"), position < tokens.count, tokens[position] == .open {
                position += 1
                guard case .word(let property)? = next() else { throw error("\(lower) needs a property") }
                try expect(.comma)
                guard case .string(let value)? = next() else { throw error("\(lower) needs a string") }
                try expect(.close)
                return .function(name: lower, property: try self.property(property), value: value)
            }
            guard let opToken = next(), case .word(let opWord) = opToken else { throw error("expected an operator after '\(word)'") }
            let op = opWord.lowercased()
            if op == "in" {
                try expect(.open)
                var values: [JSONValue] = []
                repeat {
                    guard let literal = next() else { throw error("the list ends early") }
                    values.append(try value(literal))
                    guard let separator = next() else { throw error("expected ')'") }
                    if separator == .close { break }
                    guard separator == .comma else { throw error("expected ',' or ')'") }
                } while true
                return .isIn(property: try property(word), values: values)
            }
            guard ["eq", "ne", "gt", "ge", "lt", "le"].contains(op) else { throw error("unknown operator '\(opWord)'") }
            guard let literal = next() else { throw error("expected a value after '\(opWord)'") }
            return .compare(property: try property(word), op: op, value: try value(literal))
        default:
            throw error("unexpected '\(describe(token))'")
        }
    }

    /// `v:predicate)` after `collection/any(`: the predicate with the range variable bound.
    mutating func parseLambda(collection: String) throws -> FilterExpression {
        guard position < tokens.count, case .word(let head) = tokens[position], let colon = head.firstIndex(of: ":") else {
            throw error("expected 'variable:' after '\(collection)/any('")
        }
        let variable = String(head[..<colon])
        let rest = String(head[head.index(after: colon)...])
        guard !variable.isEmpty else { throw error("the lambda needs a range variable") }
        if rest.isEmpty { tokens.remove(at: position) } else { tokens[position] = .word(rest) }
        try descend()
        defer { depth -= 1 }
        lambdaVariable = variable
        defer { lambdaVariable = nil }
        let predicate = try parseOr()
        try expect(.close)
        return .any(collection: collection, predicate: predicate)
    }

    /// A property path as the expression sees it: inside a lambda `v/issuer` is the element's
    /// `issuer` and `v` the element itself; outside, the name as written.
    func property(_ word: String) throws -> String {
        guard let variable = lambdaVariable else {
            guard !word.contains(":") else { throw error("unexpected '\(word)'") }
            return word
        }
        if word == variable { return FilterExpression.element }
        guard word.hasPrefix(variable + "/") else { throw error("'\(word)' does not use the range variable '\(variable)'") }
        return String(word.dropFirst(variable.count + 1))
    }

    func value(_ token: Token) throws -> JSONValue {
        switch token {
        case .string(let text): return .string(text)
        case .word(let word):
            switch word.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .null
            default:
                if let number = Double(word) { return .number(number) }
                if UUID(uuidString: word) != nil { return .string(word) }
                if let date = Self.dateLiteral(word) { return .string(ISO8601.string(date)) }
                throw error("'\(word)' is not a literal")
            }
        default: throw error("expected a value")
        }
    }

    /// A DateTimeOffset (`2024-01-01T00:00:00Z`) or Date (`2024-01-01`) literal, compared as the
    /// ISO 8601 text Graph returns.
    static func dateLiteral(_ word: String) -> Date? {
        if let date = ISO8601.date(word) { return date }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return word.count == 10 ? formatter.date(from: word) : nil
    }
}
