import Foundation
import HTTPTypes
import Hummingbird
import TenantModel

extension TenantAPI {
    /// Refuses a control API request that doesn't carry ``controlKey`` — in
    /// `X-TenantSim-Control-Key`, or as `Authorization: Bearer <key>` — with 401 naming where the
    /// key is.
    func authorizeControl(_ request: Request) throws {
        if let sent = request.headers[HTTPField.Name(ControlKey.header)!] {
            guard controlKey.matches(sent.trimmingCharacters(in: .whitespaces)) else { throw controlKeyError(wrong: true) }
            return
        }
        guard let bearer = Self.bearer(request) else { throw controlKeyError(wrong: false) }
        guard controlKey.matches(bearer) else { throw controlKeyError(wrong: true) }
    }

    /// The token of an `Authorization: Bearer` header.
    static func bearer(_ request: Request) -> String? {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else { return nil }
        let token = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    func controlKeyError(wrong: Bool) -> TenantError {
        let whereKey =
            controlKeyFile.map {
                "The key is in \($0) (owner-only) and in the banner of `tenantsim serve`; `run:` steps get it as \(ControlKey.environmentVariable)."
            }
            ?? "The key is made per run and handed to `run:` steps as \(ControlKey.environmentVariable)."
        return TenantError(
            status: 401, code: wrong ? "InvalidControlKey" : "ControlKeyRequired",
            message: (wrong ? "The control key sent is not this server's. " : "The TenantSim control API needs the control key. ")
                + "Send 'Authorization: Bearer <key>' or '\(ControlKey.header): <key>'. " + whereKey)
    }
}
