/// How a guest reaches redemption (Microsoft Learn, Entra External ID: "B2B collaboration
/// invitation redemption" — redemption through the invitation email, and just-in-time redemption
/// through a direct link to an app or resource).
public enum RedemptionRoute: String, Sendable, Hashable, Codable {
    /// The invitation email's redemption link (`inviteRedeemUrl`).
    case emailLink
    /// A direct link (the environment URL, an app, My Apps): redeemed just in time at sign-in.
    case directLink
}
