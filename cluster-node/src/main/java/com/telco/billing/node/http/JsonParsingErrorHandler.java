package com.telco.billing.node.http;

import com.telco.billing.node.json.StrictJson;
import com.telco.billing.protocol.http.ErrorResponse;
import org.apache.pekko.event.LoggingAdapter;
import org.apache.pekko.http.ParsingErrorHandler;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.scaladsl.model.ErrorInfo;
import org.apache.pekko.http.scaladsl.model.StatusCode;
import org.apache.pekko.http.scaladsl.settings.ServerSettings;

/**
 * The answer to a request so malformed that no route sees it (a URI over the limit: 414, an unknown
 * method: 501, a bad request line or header: 400, headers too large: 431): the HTTP layer's own
 * errors get the same JSON body as every other error, {@code {"code": "http_414", ...}}, instead of
 * Pekko's plain text. Named in {@code pekko.http.server.parsing.error-handler}.
 *
 * <p>The message is the status' reason phrase only: the parser's detail quotes the request.
 */
public final class JsonParsingErrorHandler extends ParsingErrorHandler {

  @Override
  public HttpResponse handle(
      StatusCode status, ErrorInfo info, LoggingAdapter log, ServerSettings settings) {
    log.debug("refused a malformed request: {} {}", status.intValue(), info.summary());
    return HttpResponse.create()
        .withStatus(status.intValue())
        .withEntity(
            ContentTypes.APPLICATION_JSON,
            StrictJson.writeBytes(
                ErrorResponse.of("http_" + status.intValue(), status.reason(), (String) null)));
  }
}
