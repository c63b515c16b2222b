import TenantModel

/// What a client sees when a rule forbids: surface, status, code and message.
public struct WireError: Codable, Hashable, Sendable {
    /// Whether the message is Microsoft's own text (documented or observed) or TenantSim's.
    public enum MessageOrigin: String, Codable, Sendable {
        case microsoft
        case emulator
    }

    public var surface: TenantError.Surface
    public var status: Int
    public var code: String
    public var message: String
    public var messageOrigin: MessageOrigin
    public var aadsts: Int?
    public var oauthError: String?

    public init(
        surface: TenantError.Surface, status: Int, code: String, message: String, messageOrigin: MessageOrigin,
        aadsts: Int? = nil, oauthError: String? = nil
    ) {
        self.surface = surface
        self.status = status
        self.code = code
        self.message = message
        self.messageOrigin = messageOrigin
        self.aadsts = aadsts
        self.oauthError = oauthError
    }

    /// Graph envelope error.
    public static func graph(_ status: Int, _ code: String, _ message: String, _ origin: MessageOrigin) -> WireError {
        WireError(surface: .graph, status: status, code: code, message: message, messageOrigin: origin)
    }

    /// Entra sign-in / token error `AADSTSnnnn`.
    /// Entra sign-in / token error `AADSTSnnnn`; number 0 when Microsoft's number isn't known.
    public static func aadsts(
        _ number: Int, _ name: String, _ message: String, _ origin: MessageOrigin, status: Int = 400, oauthError: String = "invalid_grant"
    ) -> WireError {
        WireError(
            surface: .login, status: status, code: name, message: message, messageOrigin: origin, aadsts: number == 0 ? nil : number,
            oauthError: oauthError)
    }

    /// Power Platform admin API error.
    public static func adminAPI(_ status: Int, _ code: String, _ message: String) -> WireError {
        WireError(surface: .adminAPI, status: status, code: code, message: message, messageOrigin: .emulator)
    }

    /// Dataverse Web API error.
    public static func dataverse(_ status: Int, _ code: String, _ message: String) -> WireError {
        WireError(surface: .dataverse, status: status, code: code, message: message, messageOrigin: .emulator)
    }

    /// One-line rendering for the rule reference.
    public var summary: String {
        switch surface {
        case .graph, .control: "Graph \(status) \(code) \"\(message)\""
        case .login: "AADSTS\(aadsts.map(String.init) ?? "") (\(code)) \"\(message)\""
        case .adminAPI: "admin API \(status) \(code) \"\(message)\""
        case .azureResourceManager: "Azure Resource Manager \(status) \(code) \"\(message)\""
        case .dataverse: "Dataverse \(status) \(code) \"\(message)\""
        }
    }
}
