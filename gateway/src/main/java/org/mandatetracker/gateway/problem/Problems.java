package org.mandatetracker.gateway.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The problems the gateway answers itself, written the same way whether a controller, a security handler, a filter
 * or the servlet container's error page produces them; each {@code detail} tells the caller what to do.
 */
public final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    /** What to do about each status the gateway answers itself, when the cause has nothing more precise to say. */
    public static String advice(int status) {
        return switch (status) {
            case 400 -> "The request is malformed; check the URL's encoding and send it again";
            case 401 -> "Send a valid bearer token: Authorization: Bearer <token>; reading needs the reader or "
                    + "recorder role, writing the recorder role";
            case 403 -> "Your token's roles do not allow this: reading needs the reader or recorder role, writing "
                    + "and correcting the recorder role";
            case 404 -> "Nothing is here; the API is under /api (see /swagger-ui.html for its paths)";
            case 405 -> "This method is not supported here; see /swagger-ui.html for the methods each path takes";
            case 413 -> "The request is too large; send a smaller body";
            case 429 -> "Too many requests from this client; wait for the seconds in Retry-After, then retry";
            default -> "The gateway could not handle this request";
        };
    }

    public static Map<String, Object> body(int status, String detail, String instance) {
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:mandate-tracker:problem:" + (known == null ? "error"
                : known.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        body.put("title", known == null ? "Error" : known.getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail == null || detail.isBlank() ? advice(status) : detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        return body;
    }

    public static String json(int status, String detail, String instance) {
        try {
            return JSON.writeValueAsString(body(status, detail, instance));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the problem unless a body was already sent; the status and headers already set stay. */
    public static void write(HttpServletResponse response, int status, String detail, String instance)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body(status, detail, instance));
    }
}
