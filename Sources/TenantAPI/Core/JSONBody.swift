import Foundation
import Hummingbird
import NIOFoundationEssentialsCompat
import TenantModel

/// Reads a JSON request body as an object and its properties with the types Graph expects. Every
/// problem is a 400 with a clear message; annotations (`@odata.type`…) are accepted and ignored.
public struct JSONBody: Sendable {
    public let object: [String: JSONValue]
    let resource: String

    /// Parses the body of `request` (empty means `{}`), refusing malformed JSON, non-objects and
    /// bodies over the context's limit.
    public static func read(_ request: Request, context: TenantRequestContext, resource: String) async throws -> JSONBody {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch {
            throw TenantError(status: 413, code: "RequestEntityTooLarge", message: "The request body is larger than \(context.maxUploadSize) bytes.")
        }
        let data = Data(buffer: buffer)
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return JSONBody(object: [:], resource: resource)
        }
        try ParserLimits.checkJSONDepth(data)
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw TenantError.badRequest(
                "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
                code: "BadRequest")
        }
        guard case .object(let object) = value else {
            throw TenantError.badRequest("The request body must be a JSON object.", code: "BadRequest")
        }
        return JSONBody(object: object, resource: resource)
    }

    public init(object: [String: JSONValue], resource: String) {
        self.object = object
        self.resource = resource
    }

    /// Refuses properties outside `allowed` (annotations containing `@` are always accepted).
    public func allowOnly(_ allowed: Set<String>) throws {
        for key in object.keys.sorted() where !key.contains("@") && !allowed.contains(key) {
            throw TenantError.badRequest(
                "Property '\(key)' does not exist on type 'microsoft.graph.\(resource)'. Make sure to only use property names that are defined by the type.",
                code: "Request_BadRequest")
        }
    }

    public func has(_ key: String) -> Bool { object[key] != nil }

    func invalid(_ key: String) -> TenantError {
        TenantError.badRequest(
            "Invalid value specified for property '\(key)' of resource '\(resource.prefix(1).uppercased() + resource.dropFirst())'.")
    }

    public func string(_ key: String) throws -> String? {
        switch object[key] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        default: throw invalid(key)
        }
    }

    /// `nil` when absent, `.some(nil)` when explicitly null.
    public func nullableString(_ key: String) throws -> String?? {
        switch object[key] {
        case nil: return nil
        case .null?: return .some(nil)
        case .string(let value)?: return .some(value)
        default: throw invalid(key)
        }
    }

    public func bool(_ key: String) throws -> Bool? {
        switch object[key] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        default: throw invalid(key)
        }
    }

    public func strings(_ key: String) throws -> [String]? {
        switch object[key] {
        case nil, .null?: return nil
        case .array(let items)?:
            return try items.map { item in
                guard case .string(let value) = item else { throw invalid(key) }
                return value
            }
        default: throw invalid(key)
        }
    }

    public func objectValue(_ key: String) throws -> [String: JSONValue]? {
        switch object[key] {
        case nil, .null?: return nil
        case .object(let value)?: return value
        default: throw invalid(key)
        }
    }

    public func array(_ key: String) throws -> [JSONValue]? {
        switch object[key] {
        case nil, .null?: return nil
        case .array(let value)?: return value
        default: throw invalid(key)
        }
    }

    /// Decodes a property as a Codable model value (Graph and TenantSim share property names).
    public func decode<T: Decodable>(_ type: T.Type, _ key: String) throws -> T? {
        guard let value = object[key], value != .null else { return nil }
        do {
            return try JSONDecoder().decode(T.self, from: try JSONEncoder().encode(value))
        } catch {
            throw invalid(key)
        }
    }

    /// Decodes the whole body as a Codable value.
    public func decodeWhole<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: try JSONEncoder().encode(JSONValue.object(object)))
        } catch {
            throw TenantError.badRequest("The request body is not a valid \(resource): \(error)", code: "BadRequest")
        }
    }
}
