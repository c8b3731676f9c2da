package org.mandatetracker.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.DigestUtils;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Reads answered in one piece get a strong {@code ETag}, {@code 304 Not Modified} on a matching
 * {@code If-None-Match}, gzip above 1 kB when the client accepts it, and {@code Cache-Control: no-cache} unless the
 * handler chose its own. Streams (server-sent events, CSV, iCalendar) pass through untouched. Compression happens
 * here rather than in Tomcat because Tomcat will not compress a response with a strong ETag: each representation
 * (gzip or not) has its own strong ETag, the hash of its bytes.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class ConditionalGetFilter extends OncePerRequestFilter {

    static final int COMPRESS_ABOVE = 1024;
    /** Set by Spring MVC on responses it streams; named after the filter that defines it. */
    private static final String STREAMING = ShallowEtagHeaderFilter.class.getName() + ".STREAMING";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !HttpMethod.GET.matches(method) && !HttpMethod.HEAD.matches(method);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        StreamingAware buffered = new StreamingAware(request, response);
        chain.doFilter(request, buffered);
        if (request.isAsyncStarted() || streaming(request)) {
            return;
        }
        byte[] body = buffered.getContentAsByteArray();
        if (buffered.getStatus() != HttpServletResponse.SC_OK || buffered.containsHeader(HttpHeaders.ETAG)) {
            buffered.copyBodyToResponse();
            return;
        }
        boolean compressible = compressible(buffered.getContentType());
        boolean gzip = compressible && body.length > COMPRESS_ABOVE && acceptsGzip(request);
        byte[] representation = gzip ? gzip(body) : body;
        if (compressible) {
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        }
        if (!response.containsHeader(HttpHeaders.CACHE_CONTROL)) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        }
        String etag = "\"" + DigestUtils.md5DigestAsHex(representation) + "\"";
        if (new ServletWebRequest(request, response).checkNotModified(etag)) {
            return;
        }
        response.setHeader(HttpHeaders.ETAG, etag);
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(representation.length);
        if (HttpMethod.GET.matches(request.getMethod())) {
            response.getOutputStream().write(representation);
        }
        response.flushBuffer();
    }

    private static boolean streaming(HttpServletRequest request) {
        return request.getAttribute(STREAMING) != null;
    }

    private static boolean compressible(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml");
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        for (String accepted : Collections.list(request.getHeaders(HttpHeaders.ACCEPT_ENCODING))) {
            for (String coding : accepted.split(",")) {
                String[] parts = coding.strip().toLowerCase(Locale.ROOT).split(";");
                if (parts[0].strip().equals("gzip") && !(parts.length > 1 && parts[1].replace(" ", "").equals("q=0"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        }
        return out.toByteArray();
    }

    /** Buffers the body, except once Spring MVC says the response is a stream: then it writes straight through. */
    private static final class StreamingAware extends ContentCachingResponseWrapper {

        private final HttpServletRequest request;

        StreamingAware(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            return streaming(request) ? getResponse().getOutputStream() : super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            return streaming(request) ? getResponse().getWriter() : super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            if (streaming(request)) {
                getResponse().flushBuffer();
            } else {
                super.flushBuffer();
            }
        }
    }
}
