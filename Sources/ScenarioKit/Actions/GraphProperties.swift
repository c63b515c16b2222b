import TenantModel

/// The arguments of a passthrough action: every key as given, sent on as the request's properties.
struct GraphProperties: Decodable {
    var values: [String: JSONValue]

    init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(JSONValue.self)
        values = value.objectValue ?? [:]
    }
}
