package org.clusterdynamics.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own answers to requests it refuses before they reach the API (a malformed or ambiguous
 * path, a header too large): JSON with a message, like every other error, instead of an HTML page.
 */
final class JsonErrors extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    JsonErrors() {
        setShowStacks(false);
        setShowServlet(false);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message)
            throws IOException {
        baseRequest.setHandled(true);
        response.setContentType("application/json");
        response.getOutputStream().write(body(code).getBytes(StandardCharsets.UTF_8));
    }

    static String body(int status) {
        String message = switch (status) {
            case 400 -> "the request is malformed (a path may not contain '..', encoded separators or control"
                    + " characters)";
            case 404 -> "nothing here: the page is at / and the API under /api/";
            case 413, 431 -> "the request is too large";
            default -> "the request could not be served (HTTP " + status + ")";
        };
        try {
            return JSON.writeValueAsString(Map.of("error", message));
        } catch (JsonProcessingException e) {
            return "{\"error\": \"HTTP " + status + "\"}";
        }
    }
}
