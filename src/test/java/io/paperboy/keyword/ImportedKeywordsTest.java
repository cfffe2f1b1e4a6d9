package io.paperboy.keyword;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.Poll;
import io.paperboy.testing.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Hugging Face's own ai_keywords survive the import of its daily-papers JSON; ours fill the papers without. */
final class ImportedKeywordsTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    @Test
    void huggingFacesKeywords_areKept_andTheWorkerLeavesThem() throws Exception {
        var keywords = new Keywords(SERVER.server().db());
        // The worker has been through every paper: the snapshot, imported after the sample day, has ours …
        Poll.until(java.time.Duration.ofSeconds(60), () -> keywords.of("0704.0001"), list -> !list.isEmpty());

        // … and the sample day's paper still has Hugging Face's phrases, in Hugging Face's order.
        assertThat(keywords.of("2606.13392"))
                .startsWith("sparse attention", "Grouped Query Attention", "Top-k selection");
        assertThat(SERVER.server().get("/api/papers/2606.13392").body())
                .contains("\"ai_keywords\":[\"sparse attention\",\"Grouped Query Attention\",\"Top-k selection\"");
    }
}
