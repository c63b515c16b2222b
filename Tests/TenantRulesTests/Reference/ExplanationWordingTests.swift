import TenantModel
import TenantRules
import Testing

@Suite("Explanations speak to a learner")
struct ExplanationWordingTests {
    @Test("no rule's explanation, condition or departure says 'seed' or cites a § of an internal document")
    func noInternalCitations() {
        for rule in RuleCatalog.all {
            for text in [rule.explanation, rule.deniesWhen, rule.notApplicableWhen, rule.departsFromSeed ?? ""] {
                #expect(!text.lowercased().contains("seed"), "\(rule.id): \(text)")
                #expect(!text.contains("§"), "\(rule.id): \(text)")
            }
        }
    }

    @Test("a citation of the Microsoft Learn page names the page and section and links to the section")
    func citations() {
        let cited = LearnPage.cite(.knownLimitations)
        #expect(
            cited == "Microsoft Learn: Invite users with Microsoft Entra B2B collaboration, Known limitations — \(LearnPage.url)#known-limitations")
        #expect(LearnPage.Section.allCases.count == 8)
    }
}
