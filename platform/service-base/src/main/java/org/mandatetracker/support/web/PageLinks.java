package org.mandatetracker.support.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 8288 {@code Link} headers for a paged list: {@code next} and {@code prev} (and {@code first}), as the same
 * request with another {@code page}, under the public path the request came through.
 */
public final class PageLinks {

    private PageLinks() {
    }

    public static HttpHeaders of(int page, boolean hasNext) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        List<String> links = new ArrayList<>();
        if (hasNext) {
            links.add(link(request, page + 1, "next"));
        }
        if (page > 0) {
            links.add(link(request, page - 1, "prev"));
            links.add(link(request, 0, "first"));
        }
        HttpHeaders headers = new HttpHeaders();
        if (!links.isEmpty()) {
            headers.set(HttpHeaders.LINK, String.join(", ", links));
        }
        return headers;
    }

    /** For a page asked by cursor: {@code next} only, as the same request after the {@code next} cursor. */
    public static HttpHeaders after(String next) {
        HttpHeaders headers = new HttpHeaders();
        if (next != null) {
            HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                    .getRequest();
            headers.set(HttpHeaders.LINK, "<" + UriComponentsBuilder.fromPath(request.getRequestURI())
                    .query(request.getQueryString()).replaceQueryParam("after", next).build().toUriString()
                    + ">; rel=\"next\"");
        }
        return headers;
    }

    private static String link(HttpServletRequest request, int page, String relation) {
        String target = UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("page", page).build().toUriString();
        return "<" + target + ">; rel=\"" + relation + "\"";
    }
}
