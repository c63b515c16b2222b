import TenantModel
import TenantRules
import Testing

@Suite("tenantsim rules <id>: one rule's entry")
struct RuleReferenceDetailTests {
    @Test("every rule's entry names its condition, wire error, source, explanation and the operations that check it")
    func everyRuleHasAnEntry() throws {
        for rule in RuleCatalog.all {
            let detail = try #require(RuleReference.detail(rule.id))
            #expect(detail.hasPrefix("\(rule.id) — \(rule.title)"))
            #expect(detail.contains(rule.source))
            #expect(detail.contains(rule.explanation))
            #expect(detail.contains("Checked by:"))
        }
        #expect(RuleReference.detail("license.assign.usage-location-missing")?.contains("Checked by:         assignLicense") == true)
        #expect(RuleReference.detail("no.such.rule") == nil)
    }

    @Test("a misspelt rule id is answered with the closest ids, the obvious one first")
    func suggestions() {
        #expect(RuleReference.suggestions(for: "b2b.invite.domain-blocked-x").first == "b2b.invite.domain-blocked")
        #expect(RuleReference.suggestions(for: "license.assign.usage-locaton-missing").first == "license.assign.usage-location-missing")
        #expect(RuleReference.suggestions(for: "completely unrelated words here").isEmpty)
        #expect(DidYouMean.editDistance("kitten", "sitting") == 3)
    }

    @Test("where TenantSim departs from the Microsoft Learn page on purpose, the rule's row in RULES.md says so, with the reason")
    func departuresAreDocumented() throws {
        let departing = RuleCatalog.all.filter { $0.departsFromSeed != nil }.map(\.id)
        #expect(
            Set(departing).isSuperset(of: [
                "b2b.invite.inviter-not-allowed", "directory.user.update-not-allowed", "directory.group.update-not-allowed",
            ]))
        let markdown = RuleReference.markdown()
        for id in departing {
            let rule = try #require(RuleCatalog.find(id))
            let row = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| `\(id)` |") })
            #expect(row.contains("**Departs from the Microsoft Learn page:** \(rule.departsFromSeed ?? "")"))
            #expect(RuleReference.detail(id)?.contains("Departs from the Learn page:") == true)
        }
    }
}
