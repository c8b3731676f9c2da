package org.mandatetracker.report.subscription;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a browser reads a URL's host as an IPv4 address (the WHATWG URL Standard's host parser): a host whose last
 * label is a number is an address, each part may be decimal, octal ({@code 0177}) or hexadecimal ({@code 0x7f}), and
 * the last part fills the bytes that fewer than four parts leave ({@code 127.1}, {@code 2130706433}). Java and libc
 * read some of these forms differently, so a URL is only safe to check and call when its address is written the
 * one way everybody reads alike: four decimal numbers without leading zeros.
 */
final class Ipv4Host {

    private Ipv4Host() {
    }

    /** Whether a browser reads the host as an IPv4 address rather than a domain name. */
    static boolean isIpv4(String host) {
        List<String> parts = parts(host);
        String last = parts.get(parts.size() - 1);
        return !last.isEmpty() && (last.chars().allMatch(c -> c >= '0' && c <= '9') || number(last).isPresent());
    }

    /** The address a browser reads, as four decimal numbers, or empty if a browser refuses the host. */
    static Optional<String> parse(String host) {
        List<String> parts = parts(host);
        if (parts.size() > 4 || parts.stream().anyMatch(String::isEmpty)) {
            return Optional.empty();
        }
        List<BigInteger> numbers = new ArrayList<>();
        for (String part : parts) {
            Optional<BigInteger> number = number(part);
            if (number.isEmpty()) {
                return Optional.empty();
            }
            numbers.add(number.get());
        }
        BigInteger byteLimit = BigInteger.valueOf(256);
        for (BigInteger n : numbers.subList(0, numbers.size() - 1)) {
            if (n.compareTo(byteLimit) >= 0) {
                return Optional.empty();
            }
        }
        BigInteger last = numbers.get(numbers.size() - 1);
        if (last.compareTo(byteLimit.pow(5 - numbers.size())) >= 0) {
            return Optional.empty();
        }
        long address = last.longValueExact();
        for (int i = 0; i < numbers.size() - 1; i++) {
            address += numbers.get(i).longValueExact() << (8 * (3 - i));
        }
        return Optional.of((address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "."
                + (address & 255));
    }

    /** The labels, less one empty label after a trailing dot, which a browser drops. */
    private static List<String> parts(String host) {
        List<String> parts = new ArrayList<>(List.of(host.toLowerCase(Locale.ROOT).split("\\.", -1)));
        if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        return parts;
    }

    private static Optional<BigInteger> number(String part) {
        int radix = 10;
        String digits = part;
        if (part.startsWith("0x")) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() > 1 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.isEmpty()) {
            return Optional.of(BigInteger.ZERO);
        }
        try {
            return digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)
                    ? Optional.of(new BigInteger(digits, radix)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
