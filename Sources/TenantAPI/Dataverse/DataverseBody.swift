import Foundation
import Hummingbird
import TenantModel

/// A Dataverse Web API request body: the JSON object with Dataverse's checks and error shape
/// (unknown columns and wrong types are 400 `0x80060888`, as the Web API's OData parser answers).
struct DataverseBody {
    let object: [String: JSONValue]
    let entity: String

    static func read(_ request: Request, context: TenantRequestContext, entity: String) async throws -> DataverseBody {
        do {
            return DataverseBody(object: try await JSONBody.read(request, context: context, resource: entity).object, entity: entity)
        } catch let error as TenantError where error.status == 400 {
            throw TenantError(status: 400, code: "0x80060888", message: error.message, surface: .dataverse)
        }
    }

    func has(_ key: String) -> Bool { object[key] != nil }

    /// Refuses columns outside `allowed`; annotations and `…@odata.bind` are checked by their users.
    func allowOnly(_ allowed: Set<String>) throws {
        for key in object.keys.sorted() where !key.contains("@") && !allowed.contains(key) {
            throw TenantError(
                status: 400, code: "0x80060888",
                message:
                    "The property '\(key)' does not exist on type 'Microsoft.Dynamics.CRM.\(entity)'. Make sure to only use property names that are defined by the type.",
                surface: .dataverse)
        }
    }

    func invalid(_ key: String, expected: String) -> TenantError {
        TenantError(
            status: 400, code: "0x80060888", message: "Cannot convert the value of '\(key)' on 'Microsoft.Dynamics.CRM.\(entity)' to \(expected).",
            surface: .dataverse)
    }

    func string(_ key: String) throws -> String? {
        switch object[key] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        default: throw invalid(key, expected: "Edm.String")
        }
    }

    /// A choice column: an integer that must be one of the option's values.
    func option<Option: RawRepresentable & CaseIterable>(_ key: String) throws -> Option? where Option.RawValue == Int {
        switch object[key] {
        case nil, .null?: return nil
        case .number(let value)?:
            guard value == value.rounded(), let option = Option(rawValue: Int(value)) else {
                throw TenantError(
                    status: 400, code: "0x80040203",
                    message:
                        "\(value) is not a valid value for '\(key)'; the options are \(Option.allCases.map { String($0.rawValue) }.joined(separator: ", ")).",
                    surface: .dataverse)
            }
            return option
        default: throw invalid(key, expected: "Edm.Int32")
        }
    }
}
