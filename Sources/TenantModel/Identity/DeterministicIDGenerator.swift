/// Derives GUID-shaped identifiers from `(seed, kind, counter)`.
///
/// Each kind has its own counter, so creating one more object of one kind never shifts the ids of
/// another kind. The mix is SplitMix64 over an FNV-1a hash of the kind, which is stable across
/// platforms and Swift versions (unlike `Hasher`).
public struct DeterministicIDGenerator: Sendable, Hashable {
    public let seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    /// A lowercase GUID (version 4 layout) for the `counter`-th object of `kind`.
    public func guid(kind: String, counter: UInt64) -> String {
        let kindHash = Self.fnv1a(kind)
        var state = seed ^ kindHash
        state = Self.splitMix(&state) ^ counter &* 0x9E37_79B9_7F4A_7C15
        let high = Self.splitMix(&state)
        let low = Self.splitMix(&state)
        let versioned = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        let variant = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        let hex = Self.hex(versioned, digits: 16) + Self.hex(variant, digits: 16)
        let chars = Array(hex)
        return String(chars[0..<8]) + "-" + String(chars[8..<12]) + "-" + String(chars[12..<16]) + "-"
            + String(chars[16..<20]) + "-" + String(chars[20..<32])
    }

    /// An opaque lowercase hex token of `length` characters (tickets, secrets).
    public func token(kind: String, counter: UInt64, length: Int = 32) -> String {
        var state = seed ^ Self.fnv1a(kind) ^ (counter &* 0xD1B5_4A32_D192_ED03)
        var out = ""
        while out.count < length { out += Self.hex(Self.splitMix(&state), digits: 16) }
        return String(out.prefix(length))
    }

    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    public static func splitMix(_ state: inout UInt64) -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func hex(_ value: UInt64, digits: Int) -> String {
        let raw = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - raw.count)) + raw
    }
}
