/// Rejects unknown keys in a mapping, so a typo in a scenario is an error naming the key rather than
/// a silently ignored line.
enum Strict {
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { return nil }
    }

    static func check<Keys: CodingKey & CaseIterable>(_ decoder: any Decoder, allowed: Keys.Type) throws {
        try check(decoder, allowed: Set(Keys.allCases.map(\.stringValue)))
    }

    static func check(_ decoder: any Decoder, allowed: Set<String>) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        for key in container.allKeys where !allowed.contains(key.stringValue) {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: container.codingPath + [key],
                    debugDescription: "unknown key '\(key.stringValue)' (expected one of: \(allowed.sorted().joined(separator: ", ")))"))
        }
    }
}
