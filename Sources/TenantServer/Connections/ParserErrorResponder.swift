import NIOCore
import NIOHTTP1

/// Answers what the HTTP parser refuses in Graph's error shape, then closes: 431 for a header
/// section over the parser's limit, 400 for anything else malformed. (Without it the answer is an
/// empty 400.) It sits right after the HTTP/1 decoder, so it sees the decoder's errors first.
final class ParserErrorResponder: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let headerLimit: Int

    init(headerLimit: Int) { self.headerLimit = headerLimit }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        let (status, code, message): (HTTPResponseStatus, String, String) =
            parserError == .headerOverflow
            ? (
                .requestHeaderFieldsTooLarge, "RequestHeaderFieldsTooLarge",
                "The request's header section is larger than \(headerLimit) bytes, or has too many fields."
            )
            : (.badRequest, "BadRequest", "The request is not valid HTTP/1.1 (\(parserError)).")
        let body = #"{"error":{"code":"\#(code)","message":"\#(message)","innerError":{}}}"#
        var buffer = context.channel.allocator.buffer(capacity: body.utf8.count)
        buffer.writeString(body)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Content-Length", value: String(buffer.readableBytes))
        headers.add(name: "Connection", value: "close")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }
}
