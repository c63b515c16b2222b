/// A named value a rule looked at, reported with every decision ("facts used").
public struct Fact: Codable, Hashable, Sendable, CustomStringConvertible {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    public init(_ name: String, _ value: Bool) { self.init(name, value ? "true" : "false") }

    public init(_ name: String, _ value: Int) { self.init(name, String(value)) }

    public init(_ name: String, optional value: String?) { self.init(name, value ?? "(none)") }

    public var description: String { "\(name) = \(value)" }
}
