package io.paperboy.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class WebhookSignatureTest {
    // The Standard Webhooks specification's published test vector: reproducing it byte for byte is
    // what says a receiver's library (any language) accepts our signatures.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void sign_reproducesTheSpecificationsTestVector() {
        assertThat(new WebhookSignature(SECRET).sign(ID, TIMESTAMP, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theSecretsPrefix_isOptional_asInTheReferenceLibraries() {
        assertThat(new WebhookSignature(SECRET.substring("whsec_".length())).sign(ID, TIMESTAMP, BODY))
                .isEqualTo(new WebhookSignature(SECRET).sign(ID, TIMESTAMP, BODY));
    }

    @Test
    void verify_acceptsAnyOfSeveralSignatures_withinTheTolerance() {
        WebhookSignature signer = new WebhookSignature(SECRET);
        String header = "v1,bm9wZQ== " + signer.sign(ID, TIMESTAMP, BODY);

        assertThat(signer.verify(ID, Long.toString(TIMESTAMP), header, BODY, Instant.ofEpochSecond(TIMESTAMP + 299)))
                .isTrue();
    }

    @Test
    void verify_refusesReplays_changedBodies_andOtherIds() {
        WebhookSignature signer = new WebhookSignature(SECRET);
        String header = signer.sign(ID, TIMESTAMP, BODY);
        Instant now = Instant.ofEpochSecond(TIMESTAMP);

        assertThat(signer.verify(ID, Long.toString(TIMESTAMP), header, BODY, now.plusSeconds(301)))
                .isFalse();
        assertThat(signer.verify(
                        ID, Long.toString(TIMESTAMP), header, "{\"test\": 1}".getBytes(StandardCharsets.UTF_8), now))
                .isFalse();
        assertThat(signer.verify("msg_other", Long.toString(TIMESTAMP), header, BODY, now))
                .isFalse();
        assertThat(signer.verify(ID, "yesterday", header, BODY, now)).isFalse();
    }

    @Test
    void newSecret_isInTheSpecificationsForm_andSigns() {
        String secret = WebhookSignature.newSecret();

        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(new WebhookSignature(secret).sign(ID, TIMESTAMP, BODY)).startsWith("v1,");
    }

    @Test
    void aSecretThatIsNotBase64_orTooShort_isRefusedSayingWhy() {
        assertThatThrownBy(() -> new WebhookSignature("whsec_not base64!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a webhook secret is whsec_ followed by base64");
        assertThatThrownBy(() -> new WebhookSignature("whsec_AAAA"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a webhook secret needs at least 16 bytes of key, not 3");
    }
}
