import TenantModel

/// The limits every request parser enforces before it does any work, so that no input — however
/// deep, long or unbalanced — can exhaust the stack or the CPU. Beyond them the answer is Graph's
/// 400 shape with a message naming the limit.
public enum ParserLimits {
    /// Longest value of one query option (`$filter`, `$search`, `$select`, `$orderby`, `$expand`…).
    public static let queryOptionLength = 8 * 1024
    /// Deepest nesting of parentheses, `not` and lambdas in a `$filter`.
    public static let filterDepth = 32
    /// Most comparisons, functions and lambdas in one `$filter`.
    public static let filterNodes = 256
    /// Most `"property:term"` clauses in one `$search`.
    public static let searchClauses = 64
    /// Deepest nesting of objects and arrays in a JSON body.
    public static let jsonDepth = 64

    /// Refuses a query option longer than ``queryOptionLength``.
    static func checkLength(_ name: String, _ value: String) throws {
        guard value.utf8.count <= queryOptionLength else {
            throw TenantError.badRequest(
                "The query option '\(name.prefix(40))' is \(value.utf8.count) bytes long; TenantSim accepts at most \(queryOptionLength).",
                code: "BadRequest")
        }
    }

    /// Refuses JSON nested deeper than ``jsonDepth``, by one pass over the bytes (strings skipped),
    /// before any recursive decoding.
    static func checkJSONDepth(_ bytes: some Sequence<UInt8>) throws {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                if depth > jsonDepth {
                    throw TenantError.badRequest(
                        "The JSON payload is nested more than \(jsonDepth) levels deep.", code: "BadRequest")
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
    }
}
