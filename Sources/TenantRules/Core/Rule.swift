/// One pure decision unit: reads a snapshot of tenant state plus the request (its `Context`) and
/// returns permit, forbid, not applicable or not enough information, with the facts it used.
///
/// Rules never read the clock, generate ids or touch the store. Operations list their rules
/// explicitly in a ``RuleSet``.
public protocol Rule<Context>: Sendable {
    associatedtype Context
    var metadata: RuleMetadata { get }
    func evaluate(_ context: Context) -> RuleOutcome
}
