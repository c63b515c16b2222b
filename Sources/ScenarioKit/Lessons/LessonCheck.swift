/// What `tenantsim learn N --check FILE` found: the learner's run, and what is still wrong — each
/// in the rule's words where a rule decided.
public struct LessonCheck: Sendable {
    public var result: ScenarioResult
    /// Every problem left: failed steps and assertions of the file, and the lesson's checks that
    /// the final state doesn't meet.
    public var problems: [String]

    public var passed: Bool { problems.isEmpty }
}
