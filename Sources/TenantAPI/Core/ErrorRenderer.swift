import Foundation
import HTTPTypes
import Hummingbird
import TenantModel

/// Renders a ``TenantError`` once, in the shape of the surface the client called, with TenantSim's
/// rule ids and explanation in one extra member (`innerError.tenantsim` for Graph).
public enum ErrorRenderer {
    public static func render(
        _ error: TenantError, surface: Surface, requestId: String, clientRequestId: String?, date: Date, retryAfter: Int? = nil
    ) -> Response {
        var headers = HTTPFields()
        headers[HTTPField.Name("request-id")!] = requestId
        if let clientRequestId { headers[HTTPField.Name("client-request-id")!] = clientRequestId }
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        // The deciding rule in a header too, so a request log (or `curl -i`) shows it without the body.
        if let rule = error.ruleId { headers[AccessLog.ruleHeader] = rule }
        let status = HTTPResponse.Status(code: error.status)
        let tenantsim = extras(error)
        let timestamp = ISO8601.string(date).replacingOccurrences(of: "Z", with: "")
        switch error.surface == .login ? .login : surface {
        case .login:
            let number = error.aadsts.map { "AADSTS\($0): " } ?? ""
            let stamp = timestamp.replacingOccurrences(of: "T", with: " ") + "Z"
            var body: [String: JSONValue] = [
                "error": .string(error.oauthError ?? "invalid_request"),
                "error_description": .string(
                    "\(number)\(error.message)\r\nTrace ID: \(requestId)\r\nCorrelation ID: \(clientRequestId ?? requestId)\r\nTimestamp: \(stamp)"),
                "error_codes": .array(error.aadsts.map { [.int($0)] } ?? []),
                "timestamp": .string(stamp), "trace_id": .string(requestId), "correlation_id": .string(clientRequestId ?? requestId),
                "error_uri": .string("https://login.microsoftonline.com/error?code=\(error.aadsts.map(String.init) ?? "")"),
            ]
            if let tenantsim { body["tenantsim"] = tenantsim }
            return APIResponse.json(.object(body), status: status, headers: headers)
        case .graph, .control:
            // Graph answers with a client-request-id even when the client sent none.
            var inner: [String: JSONValue] = [
                "date": .string(timestamp), "request-id": .string(requestId), "client-request-id": .string(clientRequestId ?? requestId),
            ]
            if error.status == 401, surface == .control {
                headers[.wwwAuthenticate] = #"Bearer realm="TenantSim control API""#
            } else if error.status == 401 {
                headers[.wwwAuthenticate] =
                    #"Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000""#
            }
            if error.status == 429 || error.status == 503 {
                inner["code"] = .string(String(error.status))
                inner["status"] = .string(String(error.status))
                inner["message"] = .string("Please retry after")
            }
            if let tenantsim { inner["tenantsim"] = tenantsim }
            return APIResponse.json(
                .object(["error": .object(["code": .string(error.code), "message": .string(error.message), "innerError": .object(inner)])]),
                status: status, headers: headers)
        case .adminAPI, .dataverse, .azureResourceManager:
            var object: [String: JSONValue] = ["code": .string(error.code), "message": .string(error.message)]
            if let tenantsim { object["tenantsim"] = tenantsim }
            return APIResponse.json(.object(["error": .object(object)]), status: status, headers: headers)
        }
    }

    static func extras(_ error: TenantError) -> JSONValue? {
        guard !error.ruleIds.isEmpty || error.explanation != nil else { return nil }
        var object: [String: JSONValue] = ["ruleIds": .strings(error.ruleIds)]
        if let rule = error.ruleId { object["ruleId"] = .string(rule) }
        if let explanation = error.explanation { object["explanation"] = .string(explanation) }
        if let source = error.source { object["source"] = .string(source) }
        if !error.facts.isEmpty { object["facts"] = .strings(error.facts) }
        return .object(object)
    }
}
