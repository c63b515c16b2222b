import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TenantModel

/// `POST /$batch` (JSON batching): up to 20 requests in one, each answered in `responses` with its
/// own id, status, headers and body. Requests run in order through the same responder a single
/// request takes, with the batch's `Authorization`; one whose `dependsOn` failed answers 424.
struct GraphBatch {
    static let limit = 20
    /// The most body bytes one batch answers with (``TenantAPI/batchAnswerLimit``); requests after
    /// the cap is reached don't run and answer 413, so one batch can't fan out into an unbounded answer.
    var maximumAnswerBytes: Int { api.batchAnswerLimit }

    struct Item {
        let id: String
        let method: HTTPRequest.Method
        let url: String
        let headers: [String: String]
        let body: JSONValue?
        let dependsOn: [String]
    }

    let api: TenantAPI

    /// How one request of the batch is answered (the responder's path for a request alone).
    typealias Send = (Request, TenantRequestContext) async throws -> Response

    func respond(to request: Request, context: TenantRequestContext, send: Send) async throws -> Response {
        // The batch itself needs a valid token; each request is then authorized on its own.
        guard try await TokenAuthenticator(api: api, audience: .graph).authenticate(request: request, context: context) != nil else {
            throw Authenticator.invalid("Access token is empty.")
        }
        let body = try await JSONBody.read(request, context: context, resource: "batch")
        let items = try Self.items(body)
        var statuses: [String: Int] = [:]
        var responses: [JSONValue] = []
        var answered = 0
        for item in items {
            let status: Int
            let answer: [String: JSONValue]
            if let failed = item.dependsOn.first(where: { (statuses[$0] ?? 424) >= 400 }) {
                status = 424
                answer = Self.failedDependency(failed)
            } else if answered >= maximumAnswerBytes {
                status = 413
                answer = Self.tooLarge(limit: maximumAnswerBytes)
            } else {
                let bytes: Int
                (status, answer, bytes) = try await run(item, outer: request, context: context, send: send)
                answered += bytes
            }
            statuses[item.id] = status
            var entry = answer
            entry["id"] = .string(item.id)
            entry["status"] = .int(status)
            responses.append(.object(entry))
        }
        return APIResponse.json(.object(["responses": .array(responses)]))
    }

    /// One request of the batch through the responder, as if it had come alone.
    func run(_ item: Item, outer: Request, context: TenantRequestContext, send: Send) async throws -> (Int, [String: JSONValue], Int) {
        let path = context.host.pathPrefix + "/v1.0" + (item.url.hasPrefix("/") ? item.url : "/" + item.url)
        var head = HTTPRequest(method: item.method, scheme: outer.head.scheme, authority: outer.head.authority, path: path)
        if let authorization = outer.headers[.authorization] { head.headerFields[.authorization] = authorization }
        for (name, value) in item.headers {
            guard let field = HTTPField.Name(name) else { continue }
            head.headerFields[field] = value
        }
        var data = Data()
        if let body = item.body {
            data = try JSONEncoder().encode(body)
            if head.headerFields[.contentType] == nil { head.headerFields[.contentType] = "application/json" }
        }
        head.headerFields[.contentLength] = String(data.count)
        var inner = TenantRequestContext(logger: context.logger)
        inner.insideBatch = true
        let response = try await send(Request(head: head, body: RequestBody(buffer: ByteBuffer(bytes: data))), inner)
        let collector = BodyCollector()
        try await response.body.write(collector)
        let bytes = collector.data()
        var headers: [String: JSONValue] = [:]
        for field in response.headers where [.contentType, .retryAfter, .location].contains(field.name) || field.name.rawName == "request-id" {
            headers[field.name.canonicalName] = .string(field.value)
        }
        var answer: [String: JSONValue] = ["headers": .object(headers)]
        if !bytes.isEmpty {
            answer["body"] = (try? JSONDecoder().decode(JSONValue.self, from: bytes)) ?? .string(bytes.base64EncodedString())
        }
        return (Int(response.status.code), answer, bytes.count)
    }

    static func tooLarge(limit: Int) -> [String: JSONValue] {
        [
            "headers": .object(["Content-Type": .string("application/json")]),
            "body": .object([
                "error": .object([
                    "code": .string("ResponseTooLarge"),
                    "message": .string("The batch's answers reached \(limit) bytes; this request was not run. Send it in another batch."),
                ])
            ]),
        ]
    }

    static func failedDependency(_ id: String) -> [String: JSONValue] {
        [
            "headers": .object(["Content-Type": .string("application/json")]),
            "body": .object([
                "error": .object(["code": .string("FailedDependency"), "message": .string("The request depends on request '\(id)', which failed.")])
            ]),
        ]
    }

    /// The batch's requests, validated before any runs: unique ids, known methods, relative URLs,
    /// dependencies on earlier requests only, at most ``limit``.
    static func items(_ body: JSONBody) throws -> [Item] {
        guard let requests = try body.array("requests") else {
            throw TenantError.badRequest("The batch needs a 'requests' array.", code: "BadRequest")
        }
        guard requests.count <= limit else {
            throw TenantError.badRequest("The number of requests in a batch exceeds the limit of \(limit).", code: "BadRequest")
        }
        var items: [Item] = []
        for request in requests {
            guard case .object(let object) = request else {
                throw TenantError.badRequest("Each batch request must be an object.", code: "BadRequest")
            }
            let fields = JSONBody(object: object, resource: "batchRequest")
            guard let id = try fields.string("id"), !id.isEmpty else {
                throw TenantError.badRequest("Each batch request needs an 'id'.", code: "BadRequest")
            }
            guard !items.contains(where: { $0.id == id }) else {
                throw TenantError.badRequest("Batch request id '\(id)' is not unique.", code: "BadRequest")
            }
            guard let methodName = try fields.string("method"), let method = HTTPRequest.Method(methodName.uppercased()),
                [.get, .post, .patch, .put, .delete].contains(method)
            else { throw TenantError.badRequest("Batch request '\(id)' needs a method (GET, POST, PATCH, PUT or DELETE).", code: "BadRequest") }
            guard let url = try fields.string("url"), !url.contains("://") else {
                // Graph refuses absolute URLs in a batch with "Invalid batch payload format.".
                throw TenantError.badRequest(
                    "Invalid batch payload format. (Batch request '\(id)' needs a relative 'url' such as /users, not an absolute URL.)",
                    code: "BadRequest")
            }
            // A batch can't contain a batch (Graph's generic refusal; TenantSim won't fan out).
            let target = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
            if target.split(separator: "/").contains(where: { $0.lowercased() == "$batch" || $0.lowercased() == "%24batch" }) {
                throw TenantError.badRequest(
                    "Invalid batch payload format. (Batch request '\(id)' is itself a $batch; batches can't be nested.)", code: "BadRequest")
            }
            var headers: [String: String] = [:]
            for (name, value) in try fields.objectValue("headers") ?? [:] {
                if case .string(let text) = value { headers[name] = text }
            }
            let dependsOn = try fields.strings("dependsOn") ?? []
            for dependency in dependsOn where !items.contains(where: { $0.id == dependency }) {
                throw TenantError.badRequest(
                    "Batch request '\(id)' depends on '\(dependency)', which is not an earlier request of the batch.", code: "BadRequest")
            }
            items.append(
                Item(
                    id: id, method: method, url: url, headers: headers, body: object["body"].flatMap { $0 == .null ? nil : $0 }, dependsOn: dependsOn)
            )
        }
        return items
    }
}
