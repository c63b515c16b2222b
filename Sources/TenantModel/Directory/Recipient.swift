/// A mail recipient, `{"emailAddress":{"name","address"}}` on the wire.
public struct Recipient: Codable, Hashable, Sendable {
    public var name: String?
    public var address: String?

    public init(name: String? = nil, address: String?) {
        self.name = name
        self.address = address
    }
}
