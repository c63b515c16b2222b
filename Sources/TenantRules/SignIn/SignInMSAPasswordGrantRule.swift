import TenantModel

/// `signin.msa-password-grant` — personal Microsoft accounts can't use the password (ROPC) grant.
public struct SignInMSAPasswordGrantRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "signin.msa-password-grant",
        title: "Personal Microsoft accounts can't sign in with the password grant",
        deniesWhen:
            "a personal Microsoft account (also one invited as a guest) requests a token with the resource owner password credentials (password) grant",
        notApplicableWhen: "the request is not a password-grant token request",
        source:
            "Microsoft Learn, Microsoft identity platform: \"Microsoft identity platform and OAuth 2.0 Resource Owner Password Credentials\" (Important: \"Personal accounts that are invited to a Microsoft Entra tenant can't use ROPC.\"); Microsoft Learn, Entra troubleshooting: \"Error AADSTS50020 - User account from identity provider does not exist in tenant\" (Cause 7: this flow for personal accounts answers AADSTS50020); emulator choice: AADSTS500200 with TenantSim's text, where that page names AADSTS50020",
        explanation:
            "The password grant only works for work or school accounts. Scripts acting for a Microsoft account guest must use an interactive or device-code sign-in — or better, run as an app registration (client credentials) in the resource tenant.",
        // Microsoft documents the restriction but not the code it answers with; AADSTS500200
        // ("… is a personal Microsoft account. Personal Microsoft accounts are not supported …",
        // §6) is the closest documented code: an emulator choice, with TenantSim's message.
        wire: .aadsts(
            500200, "PersonalAccountNotSupported",
            "User account is a personal Microsoft account. Personal Microsoft accounts can't use the resource owner password credentials grant; use an interactive sign-in.",
            .emulator, oauthError: "invalid_grant"))

    public func evaluate(_ context: SignInContext) -> RuleOutcome {
        guard context.client == .token else { return .notApplicable([Fact("client", context.client.rawValue)]) }
        let facts = [Fact("client", "token (password grant)"), Fact("account.personalMicrosoftAccount", context.isPersonalAccount)]
        guard context.isPersonalAccount else { return .permit(facts) }
        return .forbid(
            facts,
            explanation:
                "\(context.account) is a personal Microsoft account; the password (ROPC) grant is for work or school accounts only, even when the account is a guest of \(context.targetTenant?.displayName ?? "the tenant"). Use an interactive sign-in, or have the script run as an app registration of the resource tenant."
        )
    }
}
