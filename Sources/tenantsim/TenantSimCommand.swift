import ArgumentParser

/// The TenantSim command line.
@main
struct TenantSimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenantsim",
        abstract: "An offline emulator of Microsoft Entra B2B guest onboarding and the Power Platform rules around it.",
        version: "tenantsim 0.9.0 (development build)",
        subcommands: [
            RunCommand.self,
            ExplainCommand.self,
            ServeCommand.self,
            RulesCommand.self,
            CoverageCommand.self,
            BulkInviteCommand.self,
            OnboardCommand.self,
        ],
        defaultSubcommand: RunCommand.self)
}
