/// `properties.environmentSku` of a Power Platform environment.
public enum EnvironmentSku: String, Codable, Sendable, CaseIterable {
    case `default` = "Default"
    case production = "Production"
    case sandbox = "Sandbox"
    case trial = "Trial"
    case developer = "Developer"

    /// Whether qualifying users are added to Dataverse automatically (domain-facts §8.3): trial
    /// environments add users only on demand, developer environments only their creator.
    public var syncsAutomatically: Bool {
        switch self {
        case .default, .production, .sandbox: true
        case .trial, .developer: false
        }
    }
}
