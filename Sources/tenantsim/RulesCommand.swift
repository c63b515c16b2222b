import ArgumentParser
import TenantRules

/// `tenantsim rules [id]`: the rule catalogue, or one rule's full entry.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract:
            "List every rule (id, title, source), print one rule's entry (tenantsim rules b2b.invite.domain-blocked), or print docs/RULES.md with --format markdown."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown }

    @Argument(
        help:
            "A rule id, e.g. license.assign.usage-location-missing: print its condition, wire error, source, explanation and the operations that check it."
    )
    var id: String?

    @Option(help: "Output format: text or markdown.")
    var format: Format = .text

    func run() throws {
        if let id {
            guard let detail = RuleReference.detail(id) else {
                let close = RuleReference.suggestions(for: id)
                throw ValidationError(
                    "No rule '\(id)'." + (close.isEmpty ? "" : " Did you mean \(close.joined(separator: ", "))?")
                        + " `tenantsim rules` lists them all.")
            }
            print(detail, terminator: "")
            return
        }
        switch format {
        case .text: print(RuleReference.text(), terminator: "")
        case .markdown: print(RuleReference.markdown(), terminator: "")
        }
    }
}
