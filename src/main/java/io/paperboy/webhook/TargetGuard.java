package io.paperboy.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Where outgoing webhook requests may go: http(s) URLs whose host resolves only to public
 * addresses, unless the operator allows private ones (a lab's own chat server). Server-side request
 * forgery is the risk: a destination URL is written by a member, and without this check it could make
 * the server post to its own admin ports, the cloud's metadata service (169.254.169.254) or the LAN.
 *
 * <p>Checking a URL once and connecting later would let a DNS answer change in between (DNS
 * rebinding), so the check also runs as the HTTP client's resolver: the addresses it checked are the
 * addresses the client connects to.
 */
public final class TargetGuard implements SocketAddressResolver {
    private final boolean allowPrivate;

    /** {@code allowPrivate}: the operator lets destinations on loopback, private and link-local addresses. */
    public TargetGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Whether the operator lets destinations be on loopback, private and link-local addresses. */
    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /** Refuses, saying why, a URL that is not http(s) with a host, or whose host resolves to a refused address. */
    public URI check(String url) throws RefusedTarget {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new RefusedTarget("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedTarget("only http and https URLs are allowed, not '" + scheme + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new RefusedTarget("the URL names no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedTarget("the URL must not carry a user name or password");
        }
        resolve(uri.getHost());
        return uri;
    }

    /** Every address of {@code host}, when all of them are allowed. */
    List<InetAddress> resolve(String host) throws RefusedTarget {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedTarget("the host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            String why = refusal(address);
            if (why != null) {
                throw new RefusedTarget(host + " resolves to " + address.getHostAddress() + ", " + why
                        + "; the operator can allow such destinations (--webhooks-allow-private)");
            }
        }
        return List.of(addresses);
    }

    /** Why {@code address} is refused, or null when it may be connected to. */
    String refusal(InetAddress address) {
        if (allowPrivate) {
            return null;
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address (such as the cloud metadata service)";
        }
        if (address.isSiteLocalAddress() || uniqueLocal(address) || sharedAddressSpace(address)) {
            return "a private address";
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return "not a single host";
        }
        if (address instanceof Inet6Address v6 && v6.getAddress()[0] == 0 && embedsIpv4(v6)) {
            return "an IPv4-mapped or -compatible address";
        }
        return null;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        try {
            List<InetSocketAddress> out = new ArrayList<>();
            for (InetAddress address : resolve(host)) {
                out.add(new InetSocketAddress(address, port));
            }
            promise.succeeded(out);
        } catch (RefusedTarget e) {
            promise.failed(e);
        }
    }

    // fc00::/7, IPv6's private range (Java's isSiteLocalAddress knows only the deprecated fec0::/10).
    private static boolean uniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    // 100.64.0.0/10, carrier-grade NAT: private in practice.
    private static boolean sharedAddressSpace(InetAddress address) {
        byte[] b = address.getAddress();
        return address instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }

    // ::ffff:a.b.c.d and ::a.b.c.d would reach an IPv4 host past the checks above; no public service needs them.
    private static boolean embedsIpv4(Inet6Address address) {
        byte[] b = address.getAddress();
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff);
    }

    /** A destination the guard refuses, with the reason its owner sees. */
    public static final class RefusedTarget extends Exception {
        public RefusedTarget(String message) {
            super(message, null, false, false);
        }
    }
}
