package io.paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class PaperIdsTest {
    @Test
    void forTitle_ignoresCaseSpacingAndPunctuation() {
        String id = PaperIds.forTitle("Robust Weight Signatures: Gaining Robustness as Easy as Patching Weights?");

        assertThat(id).matches("pb-[0-9a-f]{12}");
        assertThat(PaperIds.forTitle("robust weight signatures -- gaining robustness as easy as patching weights"))
                .isEqualTo(id);
        assertThat(PaperIds.forTitle("Robust Weight Signatures")).isNotEqualTo(id);
    }

    @Test
    void forTitle_withoutLettersOrDigits_isRejected() {
        assertThatThrownBy(() -> PaperIds.forTitle(" -- "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one letter or digit");
    }

    @Test
    void canonical_acceptsLocalIdsAndEveryArxivForm() {
        assertThat(PaperIds.canonical("pb-0123456789ab")).isEqualTo("pb-0123456789ab");
        assertThat(PaperIds.canonical("https://arxiv.org/abs/2306.15794v2")).isEqualTo("2306.15794");
        assertThat(PaperIds.canonical("math.GT/0309136")).isEqualTo("math/0309136");
    }

    @Test
    void canonical_rejectsAMalformedLocalId() {
        assertThatThrownBy(() -> PaperIds.canonical("pb-xyz")).isInstanceOf(IllegalArgumentException.class);
    }
}
