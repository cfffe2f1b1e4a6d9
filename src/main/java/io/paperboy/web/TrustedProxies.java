package io.paperboy.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which client a request comes from when reverse proxies stand in front: the proxies the operator
 * trusts ({@code --trusted-proxy}, addresses or CIDR ranges) and the header they append the address
 * they saw to ({@code X-Forwarded-For}, or RFC 7239 {@code Forwarded}).
 *
 * <p>The header is read from the right, starting at the peer that connected: while that hop is a
 * trusted proxy, the entry it appended names the hop before it. The first untrusted hop is the
 * client. Whatever a client writes into the header itself lies to the left of that, so it is never
 * read: a client that connects directly (untrusted) is its own address, forged headers or not. No
 * name is ever looked up: entries must be IP literals.
 */
public final class TrustedProxies {
    /** Trusts no proxy: the client is the peer that connected. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of(), Header.X_FORWARDED_FOR);

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    /** The header trusted proxies append to. */
    public enum Header {
        X_FORWARDED_FOR("X-Forwarded-For"),
        FORWARDED("Forwarded");

        private final String name;

        Header(String name) {
            this.name = name;
        }

        public String headerName() {
            return name;
        }

        /** {@code X-Forwarded-For} or {@code Forwarded}, in any case. */
        public static Header of(String name) {
            for (Header h : values()) {
                if (h.name.equalsIgnoreCase(name.strip())) {
                    return h;
                }
            }
            throw new IllegalArgumentException("proxy header must be X-Forwarded-For or Forwarded, not '" + name + "'");
        }
    }

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            return rest == 0 || ((address[whole] ^ network[whole]) & (0xff << (8 - rest)) & 0xff) == 0;
        }
    }

    private final List<Range> trusted;
    private final Header header;

    private TrustedProxies(List<Range> trusted, Header header) {
        this.trusted = trusted;
        this.header = header;
    }

    /**
     * Parses {@code specs}: IP addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}),
     * each spec possibly a comma-separated list.
     *
     * @throws IllegalArgumentException naming the spec that is not one
     */
    public static TrustedProxies of(List<String> specs, Header header) {
        List<Range> ranges = new ArrayList<>();
        for (String spec : specs) {
            for (String part : spec.split(",")) {
                if (!part.isBlank()) {
                    ranges.add(range(part.strip()));
                }
            }
        }
        return new TrustedProxies(List.copyOf(ranges), header);
    }

    public Header header() {
        return header;
    }

    /** True when no proxy is trusted. */
    public boolean none() {
        return trusted.isEmpty();
    }

    /**
     * The client's address for a request from {@code peer} carrying {@code headerValues} (every
     * line of the trusted header, in order).
     */
    public String client(String peer, List<String> headerValues) {
        String hop = peer;
        if (trusted.isEmpty() || headerValues.isEmpty()) {
            return hop;
        }
        List<String> entries = new ArrayList<>();
        for (String line : headerValues) {
            entries.addAll(header == Header.FORWARDED ? forwardedFor(line) : List.of(line.split(",")));
        }
        for (int i = entries.size() - 1; i >= 0 && isTrusted(hop); i--) {
            byte[] previous = literal(entries.get(i).strip());
            if (previous == null) {
                return hop; // the trusted proxy wrote no address we can read: it is the client we know
            }
            hop = text(previous);
        }
        return hop;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = literal(address);
        return bytes != null && trusted.stream().anyMatch(r -> r.contains(bytes));
    }

    // The for= values of one Forwarded line: for=192.0.2.60;proto=http, for="[2001:db8::17]:4711"
    private static List<String> forwardedFor(String line) {
        List<String> values = new ArrayList<>();
        for (String element : line.split(",")) {
            String found = "";
            for (String pair : element.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equalsIgnoreCase("for")) {
                    found = unquote(pair.substring(eq + 1).strip());
                }
            }
            values.add(found);
        }
        return values;
    }

    private static String unquote(String value) {
        String v = value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2
                ? value.substring(1, value.length() - 1)
                : value;
        if (v.startsWith("[")) { // [v6] or [v6]:port
            int close = v.indexOf(']');
            return close > 0 ? v.substring(1, close) : v;
        }
        int colon = v.indexOf(':');
        return colon > 0 && v.indexOf(':', colon + 1) < 0 ? v.substring(0, colon) : v; // v4:port
    }

    private static Range range(String spec) {
        int slash = spec.indexOf('/');
        String address = slash < 0 ? spec : spec.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw new IllegalArgumentException("trusted proxy '" + spec + "' is not an IP address or a CIDR range "
                    + "like 10.0.0.0/8 or fd00::/8");
        }
        int max = bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(spec.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > max) {
                throw new IllegalArgumentException(
                        "trusted proxy '" + spec + "': the prefix length must be 0 to " + max);
            }
        }
        return new Range(bytes, prefix);
    }

    // An IP literal's bytes, or null; never a name lookup (only digits, dots, hex and colons get here).
    private static byte[] literal(String text) {
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        if (!IPV4.matcher(t).matches() && !IPV6.matcher(t).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(t).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String text(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress().toLowerCase(Locale.ROOT);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + address.length + " bytes", e);
        }
    }
}
