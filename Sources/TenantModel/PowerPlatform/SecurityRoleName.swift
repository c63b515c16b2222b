/// The security role names TenantSim's environments carry (domain-facts §8.4).
public enum SecurityRoleName {
    public static let systemAdministrator = "System Administrator"
    public static let systemCustomizer = "System Customizer"
    public static let environmentMaker = "Environment Maker"
    public static let basicUser = "Basic User"
    public static let environmentAdmin = "Environment Admin"

    /// Roles of an environment with Dataverse.
    public static let dataverseRoles = [systemAdministrator, systemCustomizer, environmentMaker, basicUser]
    /// Roles of an environment without Dataverse.
    public static let environmentRoles = [environmentAdmin, environmentMaker]

    /// Roles that let someone make apps.
    public static let makers: Set<String> = [environmentMaker, systemCustomizer, systemAdministrator, environmentAdmin]
    /// Roles that may author Dataverse tables, model-driven apps and solutions, and import or
    /// export solutions.
    public static let customizers: Set<String> = [systemCustomizer, systemAdministrator, environmentAdmin]
}
