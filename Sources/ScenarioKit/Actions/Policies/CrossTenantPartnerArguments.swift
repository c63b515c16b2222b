import TenantModel

/// A partner tenant (`tenant:` its id or domain) and the partner configuration's Graph properties.
struct CrossTenantPartnerArguments: Decodable {
    var tenant: String
    var properties: [String: JSONValue]

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        tenant = try decoder.container(keyedBy: Key.self).decode(String.self, forKey: Key(stringValue: "tenant"))
        properties = try GraphProperties(from: decoder).values.filter { $0.key != "tenant" }
    }
}
