package org.mandatetracker.report.subscription;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where webhooks may be sent: http(s) URLs whose host resolves only to addresses we may call. Link-local and cloud
 * metadata addresses are never allowed; loopback, private and unique-local ones only when configured. Checked when
 * a subscription is made and again before each delivery, since a name can come to resolve elsewhere.
 */
final class TargetPolicy {

    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata",
            "instance-data", "metadata.azure.internal");

    private final boolean allowPrivate;

    TargetPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why the URL may not be called, or empty if it may. */
    Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.of("must name a host, without user information");
        }
        if (METADATA_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            return Optional.of("must not target a cloud metadata service");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal(address);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    private Optional<String> refusal(InetAddress address) {
        if (address.isLinkLocalAddress() || isMetadata(address)) {
            return Optional.of("must not target a link-local or metadata address (" + address.getHostAddress() + ")");
        }
        boolean isPrivate = address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isAnyLocalAddress()
                || isUniqueLocal(address);
        if (isPrivate && !allowPrivate) {
            return Optional.of("must not target a loopback or private address (" + address.getHostAddress() + ")");
        }
        return Optional.empty();
    }

    private static boolean isMetadata(InetAddress address) {
        String host = address.getHostAddress();
        return host.equals("169.254.169.254") || host.startsWith("fd00:ec2:");
    }

    private static boolean isUniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }
}
