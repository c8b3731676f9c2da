package org.mandatetracker.support.web;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.net.URI;

/** Paths as the client sees them: behind the gateway, under its {@code X-Forwarded-Prefix} ({@code /api}). */
public final class PublicPath {

    private PublicPath() {
    }

    /** {@code path} (such as {@code /bodies/wg}) under the prefix the current request came through. */
    public static URI of(String path) {
        var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        return URI.create(request.getContextPath() + path);
    }
}
