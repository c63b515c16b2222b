import Foundation
import TenantRules

/// One lesson of `tenantsim learn`: a step of the Microsoft Learn page, why it exists, a scenario
/// that shows it, and an exercise — a scenario with a mistake or a gap — whose fix the lesson checks.
public struct Lesson: Sendable, Decodable {
    public var number: Int
    public var title: String
    /// The section of the Microsoft Learn page the lesson follows.
    public var section: String
    /// The section's anchor on the page.
    public var anchor: String
    /// What the step is and why it exists, in a few plain sentences.
    public var why: String
    /// The built-in scenario that shows the step (`scenarios/…yaml`).
    public var demo: String
    public var exercise: Exercise

    /// The Microsoft Learn page every lesson follows.
    public static let page = LearnPage.url

    /// The link to the lesson's section of the page.
    public var link: String { "\(Self.page)#\(anchor)" }

    /// The exercise: the task in words, a scenario to fix, the checks the fixed world must pass, and
    /// one solution (tests prove the exercise fails as given and passes when solved).
    public struct Exercise: Sendable, Decodable {
        public var task: String
        public var scenario: String
        public var check: [Assertion]
        public var solution: String

        enum CodingKeys: String, CodingKey, CaseIterable { case task, scenario, check, solution }

        public init(from decoder: any Decoder) throws {
            try Strict.check(decoder, allowed: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            task = try container.decode(String.self, forKey: .task).trimmingCharacters(in: .whitespacesAndNewlines)
            scenario = try container.decode(String.self, forKey: .scenario)
            check = try container.decode([Assertion].self, forKey: .check)
            solution = try container.decode(String.self, forKey: .solution)
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case number, title, section, anchor, why, demo, exercise }

    public init(from decoder: any Decoder) throws {
        try Strict.check(decoder, allowed: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        number = try container.decode(Int.self, forKey: .number)
        title = try container.decode(String.self, forKey: .title)
        section = try container.decode(String.self, forKey: .section)
        anchor = try container.decode(String.self, forKey: .anchor)
        why = try container.decode(String.self, forKey: .why).trimmingCharacters(in: .whitespacesAndNewlines)
        demo = try container.decode(String.self, forKey: .demo)
        exercise = try container.decode(Exercise.self, forKey: .exercise)
    }
}
