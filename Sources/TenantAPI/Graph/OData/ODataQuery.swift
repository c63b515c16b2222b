import Foundation
import TenantModel

/// The query options of a Graph collection request, validated the way Graph validates them.
public struct ODataQuery: Sendable {
    public var filter: FilterExpression?
    public var select: [String]?
    public var top: Int
    public var count: Bool
    public var skip: Int
    /// `$orderby`: a property and direction.
    public var orderBy: (property: String, descending: Bool)?
    /// `$expand`: a navigation property and the properties selected inside it (`memberOf($select=id)`).
    public var expand: (property: String, select: [String]?)?
    /// `$search` (with `ConsistencyLevel: eventual`).
    public var search: SearchExpression?
    /// The parameters to carry into `@odata.nextLink` (everything but `$skiptoken`).
    public var carried: [(String, String)]

    /// Parses and validates the way Graph does for directory objects: `advancedProperties` and the
    /// advanced operators (`ne`, `not`, `endswith`, `$filter` with `$orderby`, sorting on dates) need
    /// the advanced query parameters — `ConsistencyLevel: eventual` *and* `$count=true`; `$count=true`
    /// without the header is silently ignored (Microsoft's "Advanced query capabilities" page);
    /// anything not in `filterable` can't be filtered at all. `directoryObjects: false` (Dataverse)
    /// has no advanced-query gating.
    public static func parse(
        _ parameters: [(String, String)], consistencyLevel: String?, resource: String, selectable: Set<String>,
        filterable: Set<String>, collections: Set<String> = [], expandable: Set<String> = [], searchable: Set<String> = [],
        advancedOrderBy: Set<String> = ["createdDateTime", "deletedDateTime"], defaultTop: Int = 100,
        directoryObjects: Bool = true
    ) throws -> ODataQuery {
        var query = ODataQuery(filter: nil, select: nil, top: defaultTop, count: false, skip: 0, orderBy: nil, expand: nil, search: nil, carried: [])
        let eventual = consistencyLevel?.lowercased() == "eventual"
        var continuation = false
        for (key, value) in parameters {
            try ParserLimits.checkLength(key, value)
            switch key.lowercased() {
            case "$skiptoken":
                guard let data = Data(base64Encoded: value), let text = String(data: data, encoding: .utf8),
                    text.hasPrefix("offset:"), let offset = Int(text.dropFirst(7)), offset >= 0
                else { throw TenantError.badRequest("Invalid $skiptoken.", code: "Request_BadRequest") }
                query.skip = offset
                continuation = true
            default:
                query.carried.append((key, value))
            }
        }
        let countRequested = query.carried.contains { $0.0.lowercased() == "$count" && $0.1.lowercased() == "true" }
        // A nextLink carries the original parameters; pages after the first are not re-gated.
        let advanced = (eventual && countRequested) || continuation || !directoryObjects
        func requireAdvanced(_ message: String) throws {
            guard !advanced else { return }
            throw TenantError.badRequest(message, code: "Request_UnsupportedQuery")
        }
        for (key, value) in query.carried {
            switch key.lowercased() {
            case "$filter":
                let expression = try FilterParser.parse(value)
                // Collections are filtered only through a lambda (`otherMails/any(m:m eq 'x')`), and a
                // lambda only ranges over a collection.
                let misused =
                    expression.directProperties.filter(collections.contains) + expression.lambdaCollections.filter { !collections.contains($0) }
                for property in expression.properties + misused where !filterable.contains(property) || misused.contains(property) {
                    throw TenantError.badRequest(
                        "Unsupported or invalid query filter clause specified for property '\(property)' of resource '\(resource)'.",
                        code: "Request_UnsupportedQuery")
                }
                if expression.functions.contains("endswith") {
                    try requireAdvanced(Self.missingAdvancedParameters("endsWith"))
                }
                if expression.operators.contains("ne") {
                    try requireAdvanced("Filter operator 'NotEqualsMatch' is not supported.")
                }
                if expression.operators.contains("not") {
                    try requireAdvanced(Self.missingAdvancedParameters("not"))
                }
                query.filter = expression
            case "$select":
                query.select = try selection(value, selectable: selectable, resource: resource)
            case "$top":
                guard let top = Int(value), (1...999).contains(top) else {
                    throw TenantError.badRequest(
                        "Invalid page size specified: '\(value)'. Must be between 1 and 999 inclusive.", code: "Request_BadRequest")
                }
                query.top = top
            case "$count":
                guard ["true", "false"].contains(value.lowercased()) else {
                    throw TenantError.badRequest("Invalid value '\(value)' for $count.", code: "BadRequest")
                }
                query.count = value.lowercased() == "true" && (eventual || continuation)
            case "$search":
                if !eventual && !continuation {
                    throw TenantError.badRequest(
                        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
                        code: "Request_UnsupportedQuery")
                }
                guard !searchable.isEmpty else {
                    throw TenantError(
                        status: 501, code: "notSupported", message: "TenantSim does not emulate $search on this collection; use $filter.")
                }
                query.search = try SearchExpression.parse(value, searchable: searchable, resource: resource)
            case "$orderby":
                let parts = value.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                guard let written = parts.first, parts.count <= 2, !written.contains(","),
                    let property = selectable.first(where: { $0.lowercased() == written.lowercased() }),
                    parts.count == 1 || ["asc", "desc"].contains(parts[1].lowercased())
                else {
                    throw TenantError(
                        status: 501, code: "notSupported", message: "TenantSim emulates $orderby on one property (asc or desc), not '\(value)'.")
                }
                if advancedOrderBy.contains(property) { try requireAdvanced("Sorting not supported for current query.") }
                query.orderBy = (property, parts.count == 2 && parts[1].lowercased() == "desc")
            case "$expand" where !expandable.isEmpty:
                // Graph expands one navigation property per request on directory objects.
                guard eventual == false || !countRequested else {
                    throw TenantError.badRequest("$expand is not supported with advanced queries.", code: "Request_UnsupportedQuery")
                }
                query.expand = try Self.expansion(value, expandable: expandable, resource: resource)
            case "$expand", "$skip", "$format":
                throw TenantError(status: 501, code: "notSupported", message: "TenantSim does not emulate \(key) on this collection.")
            default:
                if key.hasPrefix("$") {
                    throw TenantError.badRequest("Query option '\(key)' is not allowed.", code: "BadRequest")
                }
            }
        }
        if query.orderBy != nil && query.filter != nil { try requireAdvanced("Sorting not supported for current query.") }
        return query
    }

    /// A `$select` list resolved against `selectable`: Graph matches property names in any letter
    /// case and answers with its own spelling; an unknown name is Graph's 400.
    static func selection(_ value: String, selectable: Set<String>, resource: String) throws -> [String] {
        var names: [String] = []
        for raw in value.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let name = selectable.first(where: { $0.lowercased() == raw.lowercased() }) else {
                throw TenantError.badRequest(
                    "Could not find a property named '\(raw)' on type 'microsoft.graph.\(resource.prefix(1).lowercased() + resource.dropFirst())'.",
                    code: "BadRequest")
            }
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// `memberOf` or `memberOf($select=id,displayName)`, for a property in `expandable`.
    static func expansion(_ value: String, expandable: Set<String>, resource: String) throws -> (property: String, select: [String]?) {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        let name = String(trimmed.prefix { $0 != "(" })
        guard let property = expandable.first(where: { $0.lowercased() == name.lowercased() }), !name.contains(",") else {
            throw TenantError(
                status: 501, code: "notSupported",
                message: "TenantSim expands only \(expandable.sorted().joined(separator: ", ")) on \(resource), not '\(value)'.")
        }
        let rest = trimmed.dropFirst(name.count)
        guard !rest.isEmpty else { return (property, nil) }
        guard rest.hasPrefix("("), rest.hasSuffix(")") else { throw TenantError.badRequest("Invalid $expand '\(value)'.", code: "BadRequest") }
        let inner = rest.dropFirst().dropLast()
        guard inner.lowercased().hasPrefix("$select=") else {
            throw TenantError(status: 501, code: "notSupported", message: "TenantSim supports only $select inside $expand, not '\(inner)'.")
        }
        return (property, inner.dropFirst(8).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    }

    /// Whether `object` passes `$filter` and `$search`.
    public func matches(_ object: [String: JSONValue]) -> Bool {
        (filter?.matches(object) ?? true) && (search?.matches(object) ?? true)
    }

    /// Graph's message when an operator needs the advanced query parameters.
    static func missingAdvancedParameters(_ operator: String) -> String {
        "Operator '\(`operator`)' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information"
    }

    /// `items` in `$orderby` order (stable; missing values last, as Graph puts nulls).
    public func ordered(_ items: [[String: JSONValue]]) -> [[String: JSONValue]] {
        guard let (property, descending) = orderBy else { return items }
        func key(_ item: [String: JSONValue]) -> String? {
            switch item[property] {
            case .string(let text)?: text.lowercased()
            case .number(let number)?: String(format: "%020.6f", number)
            case .bool(let bool)?: bool ? "1" : "0"
            default: nil
            }
        }
        return items.enumerated().sorted { left, right in
            switch (key(left.element), key(right.element)) {
            case (nil, nil): return left.offset < right.offset
            case (nil, _): return false
            case (_, nil): return true
            case (let a?, let b?): return a == b ? left.offset < right.offset : (descending ? a > b : a < b)
            }
        }.map(\.element)
    }

    /// One page of `items` and the `@odata.nextLink` for the rest (absolute, pointing back at
    /// `baseURL` with every original parameter).
    public func page<T>(_ items: [T], baseURL: String, path: String) -> (items: ArraySlice<T>, nextLink: String?) {
        let start = min(skip, items.count)
        let end = min(start + top, items.count)
        guard end < items.count else { return (items[start..<end], nil) }
        let token = Data("offset:\(end)".utf8).base64EncodedString()
        let query = QueryString.encode(carried + [("$skiptoken", token)])
        return (items[start..<end], "\(baseURL)\(path)?\(query)")
    }

    /// Pairs of a raw query string, in order.
    public static func pairs(_ raw: String?) -> [(String, String)] {
        (raw ?? "").split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (QueryString.decode(String(parts[0])), parts.count > 1 ? QueryString.decode(String(parts[1])) : "")
        }
    }
}
