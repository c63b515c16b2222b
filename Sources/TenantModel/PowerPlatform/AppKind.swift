/// What a maker builds (`makeApp`).
public enum AppKind: String, Codable, Sendable, CaseIterable {
    /// A canvas app on non-Dataverse data sources.
    case canvas
    /// A canvas app that uses Dataverse.
    case canvasOnDataverse
    /// A model-driven app (always Dataverse).
    case modelDriven
    /// An app inside a solution (always Dataverse).
    case solution

    /// Needs Dataverse: a licence with Dataverse use rights in the resource tenant (seed: Known limitations 2).
    public var usesDataverse: Bool { self != .canvas }

    /// Needs System Customizer (or System Administrator): Environment Maker alone can't author it (§8.4).
    public var needsCustomizer: Bool { self == .modelDriven || self == .solution }
}
