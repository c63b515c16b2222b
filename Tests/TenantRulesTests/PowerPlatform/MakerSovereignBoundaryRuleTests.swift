import TenantModel
import TenantRules
import Testing

@Suite("pp.maker.sovereign-boundary")
struct MakerSovereignBoundaryRuleTests {
    let rule = MakerSovereignBoundaryRule()

    /// Pat, an Entra guest whose home tenant Fabrikam is in `home`, making a canvas app in Contoso's
    /// Sales environment in `environment` — every other guest-maker step done right.
    func crossing(home: Cloud, environment: Cloud, appKind: AppKind = .canvas) -> MakerContext {
        let fabrikam = Fixtures.fabrikam(cloud: home)
        return Fixtures.maker(
            user: Fixtures.entraGuest(home: fabrikam), environment: Fixtures.environment(cloud: environment), home: fabrikam,
            roleNames: [SecurityRoleName.environmentMaker, SecurityRoleName.systemCustomizer], appKind: appKind)
    }

    @Test("a guest from a tenant in the environment's own Power Platform cloud may make apps", arguments: Cloud.allCases)
    func sameCloudPermitted(cloud: Cloud) {
        let context = crossing(home: cloud, environment: cloud)
        let outcome = rule.evaluate(context)
        #expect(outcome.effect == .permit)
        #expect(outcome.facts == [Fact("homeTenant.cloud", cloud.rawValue), Fact("environment.cloud", cloud.rawValue)])
        expectPermitted(OperationRules.makeApp.decide(context), including: "pp.maker.sovereign-boundary")
    }

    @Test("a guest from a tenant in any other Power Platform cloud can't make apps", arguments: CloudPair.allCrossCloud)
    func everyCrossCloudPairDenied(pair: CloudPair) {
        let context = crossing(home: pair.home, environment: pair.environment)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.makeApp.decide(context)
        expectDenied(
            decision, by: "pp.maker.sovereign-boundary", status: 403, code: "CrossCloudMakerNotSupported",
            message: "B2B guest makers are not supported across sovereign cloud boundaries.", surface: .adminAPI)
        let home = pair.home.displayName
        let target = pair.environment.displayName
        #expect(decision.explanation.contains("comes from Fabrikam (fabrikam.onmicrosoft.com, \(home)) in the \(home) cloud"))
        #expect(decision.explanation.contains("'Contoso Sales' is in the \(target) Power Platform cloud"))
        #expect(decision.explanation.hasSuffix("No setting fixes this: give the person an account in a \(target) tenant."))
        let sameEntra = pair.home.entraCloud == pair.environment.entraCloud
        #expect(decision.explanation.contains("are separate Power Platform clouds") == sameEntra)
        #expect(decision.facts == [Fact("homeTenant.cloud", pair.home.rawValue), Fact("environment.cloud", pair.environment.rawValue)])
        #expect(
            OperationRules.importSolution.decide(crossing(home: pair.home, environment: pair.environment, appKind: .solution)).deniedBy
                == "pp.maker.sovereign-boundary")
    }

    @Test("commercial → GCC is denied although both use commercial Entra: they are separate Power Platform clouds")
    func commercialToGCCDenied() {
        let decision = OperationRules.makeApp.decide(crossing(home: .commercial, environment: .gcc))
        expectDenied(decision, by: "pp.maker.sovereign-boundary", status: 403, code: "CrossCloudMakerNotSupported", surface: .adminAPI)
        #expect(
            decision.explanation.contains(
                "Both tenants use the same Entra cloud (Microsoft Azure commercial), so the invitation itself works — but commercial and GCC are separate Power Platform clouds."
            ))
        #expect(decision.explanation.contains("give the person an account in a GCC tenant"))
    }

    @Test("GCC → GCC High is denied, and the explanation doesn't claim a shared Entra cloud")
    func gccToGCCHighDenied() {
        let decision = OperationRules.makeApp.decide(crossing(home: .gcc, environment: .gccHigh))
        expectDenied(decision, by: "pp.maker.sovereign-boundary", status: 403, code: "CrossCloudMakerNotSupported", surface: .adminAPI)
        #expect(decision.explanation.contains("in the GCC cloud; 'Contoso Sales' is in the GCC High Power Platform cloud"))
        #expect(!decision.explanation.contains("same Entra cloud"))
        #expect(decision.explanation.contains("give the person an account in a GCC High tenant"))
    }

    @Test("commercial → China is denied")
    func commercialToChinaDenied() {
        let decision = OperationRules.makeApp.decide(crossing(home: .commercial, environment: .china))
        expectDenied(decision, by: "pp.maker.sovereign-boundary", status: 403, code: "CrossCloudMakerNotSupported", surface: .adminAPI)
        #expect(decision.explanation.contains("'Contoso Sales' is in the China (21Vianet) Power Platform cloud"))
        #expect(!decision.explanation.contains("same Entra cloud"))
    }

    @Test("a guest who has not redeemed yet leaves the home cloud unknown: not enough information")
    func pendingGuestIsNotEnoughInformation() {
        let context = Fixtures.maker(user: Fixtures.contosoGuest())
        let outcome = rule.evaluate(context)
        #expect(outcome.effect == .notEnoughInformation)
        #expect(outcome.missing == ["the guest's home tenant (the invitation is not redeemed yet)"])
        let decision = OperationRules.makeApp.decide(context)
        #expect(decision.effect == .notEnoughInformation)
        #expect(decision.error == nil)
        #expect(effect(of: "pp.maker.sovereign-boundary", in: decision) == .notEnoughInformation)
    }

    @Test("an Entra guest whose home tenant is not in the world: not enough information, never a guess")
    func unknownHomeTenantIsNotEnoughInformation() {
        var context = Fixtures.maker()
        context.homeTenant = nil
        let outcome = rule.evaluate(context)
        #expect(outcome.effect == .notEnoughInformation)
        #expect(outcome.missing == ["the cloud of the guest's home tenant (not a tenant of this world)"])
    }

    @Test(
        "the rule does not apply to guests without a home tenant (one-time passcode, Microsoft account)",
        arguments: [
            Fixtures.otpGuest(), Fixtures.msaGuest(),
        ])
    func noHomeTenantIsNotApplicable(guest: User) {
        let context = Fixtures.maker(user: guest, environment: Fixtures.environment(cloud: .gcc))
        let outcome = rule.evaluate(context)
        #expect(outcome.effect == .notApplicable)
        #expect(outcome.facts == [Fact("guest.identity", guest.externalIdentityIssuer ?? "-")])
        #expect(effect(of: "pp.maker.sovereign-boundary", in: OperationRules.makeApp.decide(context)) == .notApplicable)
    }

    @Test("the rule does not apply to a member")
    func memberIsNotApplicable() {
        let context = Fixtures.maker(user: Fixtures.contosoMember(), environment: Fixtures.environment(cloud: .gccHigh))
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.makeApp.decide(context))
    }
}
