/// One page of an OData collection: `value` and the optional `@odata.nextLink`.
struct ODataPage<Item: Decodable & Sendable>: Decodable, Sendable {
    let value: [Item]
    let nextLink: String?

    enum CodingKeys: String, CodingKey {
        case value
        case nextLink = "@odata.nextLink"
    }
}
