import TenantModel

/// One thing a scenario step can do: its name in YAML, who performs it, its arguments as a
/// decodable type, and how it is carried out — through OnboardingKit's typed client, the same calls
/// a real script makes. Every action is listed once, in ``ActionCatalog/actions``; the catalogue,
/// the docs table, the strict check of a step's arguments and the suggestions on a typo all come
/// from that list.
///
/// Arguments are read by ``ArgumentDecoder``: non-optional properties are required, optional ones
/// optional. Use `String`, `Bool`, `Int`, `[String]` or ``JSONValue`` (no enums: check values in
/// `perform`, with a "did you mean").
protocol ScenarioAction: Sendable {
    associatedtype Arguments: Decodable

    /// The step key (`invite`, `assignLicense`…).
    static var name: String { get }
    /// Who performs it: an admin (signed in or an app), a person, or the scenario itself.
    static var performer: ActionCatalog.Definition.Performer { get }
    /// The argument a scalar value stands for (`invite: pat@fabrikam.com`).
    static var shorthand: String? { get }
    /// Takes further keys and sends them on as the request's properties (Graph or admin API bodies).
    static var passthrough: Bool { get }
    /// One line for the docs: the request it makes.
    static var summary: String { get }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport
}

extension ScenarioAction {
    static var shorthand: String? { nil }
    static var passthrough: Bool { false }
}

/// What a step did: the outcome the expectation is checked against, the sentence the report shows,
/// and any lines under it.
struct ActionReport: Sendable {
    var outcome: StepOutcome
    var summary: String
    var details: [String] = []

    init(_ outcome: StepOutcome, _ summary: String, details: [String] = []) {
        self.outcome = outcome
        self.summary = summary
        self.details = details
    }
}
