package io.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14: the client address comes from the proxy header only through trusted hops. */
final class TrustedProxiesTest {
    private static final TrustedProxies XFF =
            TrustedProxies.of(List.of("10.0.0.0/8", "192.0.2.1"), TrustedProxies.Header.X_FORWARDED_FOR);

    @Test
    void anUntrustedPeer_isTheClient_whateverItWrites() {
        assertThat(XFF.client("198.51.100.7", List.of("203.0.113.9"))).isEqualTo("198.51.100.7");
    }

    @Test
    void aTrustedProxy_namesTheHopBeforeIt() {
        assertThat(XFF.client("192.0.2.1", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void whatTheClientForgedBeforeTheProxyAppended_isNeverRead() {
        // The client sent "X-Forwarded-For: 1.2.3.4, 10.1.1.1"; the proxy appended the address it saw.
        assertThat(XFF.client("192.0.2.1", List.of("1.2.3.4, 10.1.1.1, 203.0.113.9")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void severalTrustedHops_areWalkedThrough_inOneLineOrSeveral() {
        assertThat(XFF.client("192.0.2.1", List.of("203.0.113.9, 10.2.3.4"))).isEqualTo("203.0.113.9");
        assertThat(XFF.client("192.0.2.1", List.of("203.0.113.9", "10.2.3.4"))).isEqualTo("203.0.113.9");
    }

    @Test
    void anEntryThatIsNoAddress_leavesTheLastTrustedHopAsTheClient_andLooksNothingUp() {
        assertThat(XFF.client("192.0.2.1", List.of("attacker.example.org"))).isEqualTo("192.0.2.1");
        assertThat(XFF.client("192.0.2.1", List.of("unknown"))).isEqualTo("192.0.2.1");
        assertThat(XFF.client("192.0.2.1", List.of("1.2.3"))).isEqualTo("192.0.2.1");
    }

    @Test
    void noTrustedProxy_meansThePeer() {
        assertThat(TrustedProxies.NONE.client("192.0.2.1", List.of("203.0.113.9")))
                .isEqualTo("192.0.2.1");
    }

    @Test
    void theForwardedHeader_readsForValues_quotedBracketedAndWithPorts() {
        TrustedProxies forwarded =
                TrustedProxies.of(List.of("192.0.2.1", "2001:db8::/32"), TrustedProxies.Header.FORWARDED);
        assertThat(forwarded.client("192.0.2.1", List.of("for=203.0.113.9;proto=https;by=192.0.2.1")))
                .isEqualTo("203.0.113.9");
        assertThat(forwarded.client("192.0.2.1", List.of("for=\"[2001:db8:cafe::17]:4711\", for=\"[2001:db9::1]:80\"")))
                .isEqualTo("2001:db9:0:0:0:0:0:1");
        assertThat(forwarded.client("192.0.2.1", List.of("For=\"203.0.113.9:4711\"")))
                .isEqualTo("203.0.113.9");
        assertThat(forwarded.client("192.0.2.1", List.of("for=_hidden"))).isEqualTo("192.0.2.1");
    }

    @Test
    void ranges_matchExactlyTheirPrefix() {
        TrustedProxies slash20 = TrustedProxies.of(List.of("172.16.0.0/20"), TrustedProxies.Header.X_FORWARDED_FOR);
        assertThat(slash20.client("172.16.15.255", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(slash20.client("172.16.16.0", List.of("203.0.113.9"))).isEqualTo("172.16.16.0");
        assertThat(slash20.client("::1", List.of("203.0.113.9"))).isEqualTo("::1");
    }

    @Test
    void aSpecThatIsNoAddressOrRange_isRefusedByName() {
        assertThatThrownBy(() ->
                        TrustedProxies.of(List.of("10.0.0.0/8,proxy.internal"), TrustedProxies.Header.X_FORWARDED_FOR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "trusted proxy 'proxy.internal' is not an IP address or a CIDR range like 10.0.0.0/8 or fd00::/8");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33"), TrustedProxies.Header.X_FORWARDED_FOR))
                .hasMessage("trusted proxy '10.0.0.0/33': the prefix length must be 0 to 32");
        assertThatThrownBy(() -> TrustedProxies.Header.of("X-Real-IP"))
                .hasMessage("proxy header must be X-Forwarded-For or Forwarded, not 'X-Real-IP'");
    }
}
