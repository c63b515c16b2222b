import TenantModel
import TenantRules
import Testing

@Suite("b2b.redeem.identity-provider")
struct RedeemIdentityProviderRuleTests {
    let rule = RedeemIdentityProviderRule()

    /// One step of the documented redemption order and the issuer the guest ends up with.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var context: RedemptionContext
        var issuer: String

        var testDescription: String { "\(name) → \(issuer)" }
    }

    static let cases: [Case] = [
        Case(name: "existing Entra account", context: Fixtures.redemption(home: Fixtures.fabrikamHome()), issuer: "ExternalAzureAD"),
        Case(
            name: "SAML/WS-Fed federation for the domain",
            context: Fixtures.redemption(
                address: "lee@adatum.com",
                tenant: Fixtures.contoso(federations: [DomainFederation(domain: "adatum.com", issuerUri: "https://sts.adatum.com/adfs")])),
            issuer: "https://sts.adatum.com/adfs"),
        Case(
            name: "Google federation for gmail.com",
            context: Fixtures.redemption(address: "sam@gmail.com", tenant: Fixtures.contoso(googleFederationEnabled: true)),
            issuer: "google.com"),
        Case(name: "consumer Microsoft account", context: Fixtures.redemption(address: "sam@outlook.com"), issuer: "MicrosoftAccount"),
        Case(name: "email one-time passcode", context: Fixtures.redemption(address: "lee@adatum.com"), issuer: "mail"),
        Case(
            name: "new Microsoft account when passcodes are off",
            context: Fixtures.redemption(address: "lee@adatum.com", tenant: Fixtures.contoso(emailOneTimePasscodeEnabled: false)),
            issuer: "MicrosoftAccount"),
    ]

    @Test("redemption records the identity provider in the documented order", arguments: cases)
    func recordsIdentityProvider(testCase: Case) {
        let outcome = rule.evaluate(testCase.context)
        #expect(outcome.effect == .permit)
        #expect(outcome.facts.contains(Fact("identities.issuer", testCase.issuer)))
        expectPermitted(OperationRules.redeemInvitation.decide(testCase.context), including: "b2b.redeem.identity-provider")
    }

    @Test("the primary identity providers are tried in the configured precedence order")
    func configuredPrecedenceOrder() {
        let federated = Fixtures.contoso(federations: [DomainFederation(domain: "fabrikam.com", issuerUri: "https://sts.fabrikam.com")])
        func issuer(_ order: [String]) -> Bool {
            let context = Fixtures.redemption(
                tenant: federated, home: Fixtures.fabrikamHome(),
                redemptionConfiguration: RedemptionIdentityProviderConfiguration(primaryIdentityProviderPrecedenceOrder: order))
            return rule.evaluate(context).facts.contains(Fact("identities.issuer", "ExternalAzureAD"))
        }
        #expect(issuer(["azureActiveDirectory", "externalFederation", "socialIdentityProviders"]))
        #expect(!issuer(["externalFederation", "azureActiveDirectory", "socialIdentityProviders"]))
    }

    @Test("a primary provider left out of the order is skipped, and the microsoftAccount fallback never offers a passcode")
    func leftOutProviderAndMicrosoftAccountFallback() {
        let google = Fixtures.contoso(googleFederationEnabled: true)
        let withoutSocial = RedemptionIdentityProviderConfiguration(
            primaryIdentityProviderPrecedenceOrder: ["azureActiveDirectory", "externalFederation"], fallbackIdentityProvider: "microsoftAccount")
        let gmail = Fixtures.redemption(address: "sam@gmail.com", tenant: google, redemptionConfiguration: withoutSocial)
        #expect(rule.evaluate(gmail).facts.contains(Fact("identities.issuer", "MicrosoftAccount")))
        #expect(gmail.path == .createMicrosoftAccount)
        #expect(Fixtures.redemption(address: "sam@gmail.com", tenant: google).path == .google)
        let unknown = Fixtures.redemption(address: "kim@northwind.example", redemptionConfiguration: withoutSocial)
        #expect(unknown.path == .createMicrosoftAccount)
        #expect(Fixtures.redemption(address: "kim@northwind.example").path == .emailOneTimePasscode)
    }

    @Test("a gmail address without Google federation falls through to the passcode")
    func gmailWithoutGoogleFederation() {
        #expect(rule.evaluate(Fixtures.redemption(address: "sam@gmail.com")).facts.contains(Fact("identities.issuer", "mail")))
    }

    @Test("a fallback of emailOneTimePasscode keeps a consumer address off Microsoft accounts")
    func fallbackToPasscodeSkipsMicrosoftAccount() {
        let context = Fixtures.redemption(
            address: "sam@outlook.com",
            redemptionConfiguration: RedemptionIdentityProviderConfiguration(fallbackIdentityProvider: "emailOneTimePasscode"))
        #expect(rule.evaluate(context).facts.contains(Fact("identities.issuer", "mail")))
    }

    @Test("the rule never forbids: it has no wire error and permits even when another rule denies the redemption")
    func neverForbids() {
        #expect(rule.metadata.wire == nil)
        let context = Fixtures.redemption(restrictions: Fixtures.denyList("fabrikam.com"))
        #expect(rule.evaluate(context).effect == .permit)
        let decision = OperationRules.redeemInvitation.decide(context)
        #expect(decision.deniedBy == "b2b.redeem.domain-blocked")
        #expect(effect(of: "b2b.redeem.identity-provider", in: decision) == .permit)
    }

    @Test("the rule does not apply to an invitation that was already redeemed")
    func alreadyRedeemedIsNotApplicable() {
        let context = Fixtures.redemption(state: .accepted)
        #expect(rule.evaluate(context).effect == .notApplicable)
        #expect(effect(of: "b2b.redeem.identity-provider", in: OperationRules.redeemInvitation.decide(context)) == .notApplicable)
    }
}
