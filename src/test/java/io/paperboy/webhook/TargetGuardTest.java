package io.paperboy.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.util.Promise;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class TargetGuardTest {
    private final TargetGuard guard = new TargetGuard(false);

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "http://127.0.0.1:8080/hook|resolves to 127.0.0.1, a loopback address",
                "http://localhost/hook|a loopback address",
                "http://169.254.169.254/latest/meta-data/|resolves to 169.254.169.254, a link-local address (such as the cloud metadata service)",
                "http://10.1.2.3/|resolves to 10.1.2.3, a private address",
                "https://172.16.0.1/|a private address",
                "https://192.168.1.20/|a private address",
                "https://100.64.0.1/|a private address",
                "http://[::1]/|a loopback address",
                "http://[fe80::1]/|a link-local address",
                "http://[fd12:3456::1]/|a private address",
                "http://0.0.0.0/|not a single host",
                "http://[::ffff:127.0.0.1]/|a loopback address",
                "http://[::127.0.0.1]/|an IPv4-mapped or -compatible address",
            })
    void privateLoopbackAndLinkLocalTargets_areRefused_sayingWhich(String url, String why) {
        assertThatThrownBy(() -> guard.check(url))
                .isInstanceOf(TargetGuard.RefusedTarget.class)
                .hasMessageContaining(why)
                .hasMessageContaining("the operator can allow such destinations");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "file:///etc/passwd|only http and https URLs are allowed, not 'file'",
                "ftp://93.184.216.34/x|only http and https URLs are allowed, not 'ftp'",
                "http:///hook|the URL names no host",
                "https://user:secret@93.184.216.34/|the URL must not carry a user name or password",
                "not a url at all|not a URL: Illegal character in path",
            })
    void urlsThatAreNotPlainHttp_areRefused(String url, String message) {
        assertThatThrownBy(() -> guard.check(url))
                .isInstanceOf(TargetGuard.RefusedTarget.class)
                .hasMessage(message);
    }

    @Test
    void publicAddresses_pass() throws Exception {
        assertThat(guard.check("https://93.184.216.34/hooks/abc").getHost()).isEqualTo("93.184.216.34");
        assertThat(guard.check("https://[2606:4700::1111]/x").getPort()).isEqualTo(-1);
    }

    @Test
    void theOperatorCanAllowPrivateTargets() throws Exception {
        TargetGuard lab = new TargetGuard(true);

        assertThat(lab.check("http://127.0.0.1:8065/hooks/x").getPort()).isEqualTo(8065);
        assertThat(lab.check("http://10.0.0.5/").getHost()).isEqualTo("10.0.0.5");
    }

    @Test
    void asTheClientsResolver_itRefusesTheAddressItWouldConnectTo() {
        // What the HTTP client calls at connect time: a name that resolves to loopback fails there too,
        // so a DNS answer that changed since the URL was checked is caught.
        CompletableFuture<List<InetSocketAddress>> resolved = new CompletableFuture<>();
        guard.resolve("localhost", 80, Map.of(), Promise.from(resolved::complete, resolved::completeExceptionally));

        assertThatThrownBy(resolved::get)
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TargetGuard.RefusedTarget.class);
    }
}
