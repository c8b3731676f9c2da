package org.mandatetracker.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which requests the gateway's limits apply to, decided on the path as the router matches it (decoded), so that no
 * spelling of a path the router serves, such as {@code /%61pi/bodies}, passes a limit by.
 */
final class ApiPaths {

    private static final PathPattern API = PathPatternParser.defaultInstance.parse("/api/**");
    private static final PathPattern STREAM = PathPatternParser.defaultInstance.parse("/api/recommendations/stream");

    private ApiPaths() {
    }

    static boolean isApi(HttpServletRequest request) {
        return API.matches(path(request));
    }

    /** A server-sent event stream, which holds its request thread for as long as it is open. */
    static boolean isStream(HttpServletRequest request) {
        return STREAM.matches(path(request));
    }

    private static PathContainer path(HttpServletRequest request) {
        // Parsed once for the limits and the router alike.
        RequestPath path = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request)
                : ServletRequestPathUtils.parseAndCache(request);
        return path.pathWithinApplication();
    }
}
