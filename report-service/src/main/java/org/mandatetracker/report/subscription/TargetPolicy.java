package org.mandatetracker.report.subscription;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where webhooks may be sent: http(s) URLs whose host resolves only to addresses we may call. An IPv4 address must
 * be written as four decimal numbers ({@link Ipv4Host}): other forms are read differently by browsers, Java and libc,
 * so that a check here could pass an address the call then reaches. Link-local and cloud
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
        String written = hostAsWritten(uri);
        if (written != null && Ipv4Host.isIpv4(written)) {
            Optional<String> address = Ipv4Host.parse(written);
            if (address.isEmpty()) {
                return Optional.of("names a host that is neither a domain name nor an IPv4 address");
            }
            if (!address.get().equals(written)) {
                return Optional.of("must write an IPv4 address as four decimal numbers without leading zeros ("
                        + written + " is read as " + address.get() + " by browsers, and differently by others)");
            }
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

    /** The host as the URL writes it, also when Java's URI does not take it for a host name ({@code 2130706433}). */
    private static String hostAsWritten(URI uri) {
        if (uri.getHost() != null) {
            return uri.getHost();
        }
        String authority = uri.getRawAuthority();
        if (authority == null) {
            return null;
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int port = host.lastIndexOf(':');
        return port >= 0 && !host.startsWith("[") ? host.substring(0, port) : host;
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
