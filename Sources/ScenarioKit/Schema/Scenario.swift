import Foundation
import TenantEngine
import TenantModel

/// One scenario file: a world, steps acted by people and apps, and assertions on the final state.
public struct Scenario: Sendable {
    public var file: String
    public var name: String
    public var description: String
    /// Rule ids the scenario teaches (shown in reports, counted by the coverage test).
    public var teaches: [String]
    public var seed: UInt64
    public var start: Date
    /// How quickly the world's changes become visible (`consistency: realistic`); `immediate` by default.
    public var consistency: ConsistencyProfile
    public var world: ScenarioWorld
    /// What the machine must have for the scenario to run (`requires:`); when it lacks something
    /// the scenario is skipped with the reason.
    public var requires: Requirements
    public var steps: [Step]
    public var assertions: [Assertion]
    /// The line of `world:` in the file, for errors about the world (an unknown fixture).
    public var worldLine: Int?
}

extension Scenario: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, description, teaches, seed, start, consistency, world, requires, steps
        case assertions = "assert"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try Strict.check(decoder, allowed: CodingKeys.self)
        file = ""
        name = try container.decode(String.self, forKey: .name)
        description = try container.decodeIfPresent(String.self, forKey: .description) ?? ""
        teaches = try container.decodeIfPresent([String].self, forKey: .teaches) ?? []
        seed = try container.decodeIfPresent(UInt64.self, forKey: .seed) ?? 1
        if let text = try container.decodeIfPresent(String.self, forKey: .start) {
            guard let date = Durations.date(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .start, in: container, debugDescription: "expected an ISO 8601 instant like 2025-01-01T09:00:00Z, got '\(text)'")
            }
            start = date
        } else {
            start = Date(timeIntervalSince1970: 1_735_689_600)
        }
        let profile = try container.decodeIfPresent(String.self, forKey: .consistency) ?? "immediate"
        guard let consistency = ConsistencyProfile(rawValue: profile) else {
            throw DecodingError.dataCorruptedError(
                forKey: .consistency, in: container,
                debugDescription: "expected one of \(ConsistencyProfile.allCases.map(\.rawValue).joined(separator: ", ")), got '\(profile)'")
        }
        self.consistency = consistency
        world = try container.decodeIfPresent(ScenarioWorld.self, forKey: .world) ?? ScenarioWorld()
        requires = try container.decodeIfPresent(Requirements.self, forKey: .requires) ?? Requirements()
        steps = try container.decodeIfPresent([Step].self, forKey: .steps) ?? []
        assertions = try container.decodeIfPresent([Assertion].self, forKey: .assertions) ?? []
    }
}

/// The world of a scenario: fixture names from `fixtures/` plus inline tenants and accounts that
/// extend or override them (a tenant with the same key is overlaid).
public struct ScenarioWorld: Decodable, Sendable {
    public var fixtures: [String] = []
    public var tenants: [TenantSpec] = []
    public var personalAccounts: [PersonalAccountSpec] = []

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable { case fixtures, tenants, personalAccounts }

    public init(from decoder: any Decoder) throws {
        try Strict.check(decoder, allowed: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        fixtures = try container.decodeIfPresent([String].self, forKey: .fixtures) ?? []
        tenants = try container.decodeIfPresent([TenantSpec].self, forKey: .tenants) ?? []
        personalAccounts = try container.decodeIfPresent([PersonalAccountSpec].self, forKey: .personalAccounts) ?? []
    }

    /// The fixtures with the inline overrides on top.
    public func spec(library: FixtureLibrary) throws -> WorldSpec {
        try library.load(fixtures).merged(with: WorldSpec(tenants: tenants, personalAccounts: personalAccounts))
    }
}
