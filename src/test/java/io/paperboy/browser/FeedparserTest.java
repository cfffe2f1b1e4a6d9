package io.paperboy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our feeds as Python's feedparser (Debian's python3-feedparser) reads them: no error, every item. */
@Tag("browser")
final class FeedparserTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String SCRIPT = """
            import sys, feedparser
            for path in sys.argv[1:]:
                feed = feedparser.parse(path)
                ok = all(e.get('title') and e.get('link') and e.get('id') and e.get('summary') for e in feed.entries)
                print(path.rsplit('/', 1)[-1], int(bool(feed.bozo)), len(feed.entries), ok, feed.get('version', ''))
            """;

    @TempDir
    Path dir;

    @Test
    void atomAndRssFeeds_parseWithoutErrorAndKeepEveryItem() throws Exception {
        Path atom = dir.resolve("daily.atom");
        Path rss = dir.resolve("daily.rss");
        try (TestServer server = new TestServer(dir)) {
            Files.writeString(
                    atom, server.get("/feeds/daily.atom?date=2026-06-12").body());
            Files.writeString(
                    rss, server.get("/feeds/daily.rss?date=2026-06-12").body());
        }
        if (!Files.isExecutable(PYTHON)) {
            throw new IllegalStateException("this test needs Debian's python3 with python3-feedparser");
        }

        Process python = new ProcessBuilder(PYTHON.toString(), "-c", SCRIPT, atom.toString(), rss.toString())
                .redirectErrorStream(true)
                .start();
        List<String> lines =
                new String(python.getInputStream().readAllBytes()).lines().toList();
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();

        // file, bozo (1 = malformed), entries, every entry complete, detected version
        assertThat(lines).containsExactly("daily.atom 0 30 True atom10", "daily.rss 0 30 True rss20");
    }

    @Test
    void privateForYouFeed_parsesWithoutError_andEveryEntrySaysWhyItIsThere() throws Exception {
        Path atom = dir.resolve("for-you.atom");
        try (TestServer server = TestServer.withEmbeddings(dir)) {
            WebSession ada = server.browser().signUpConfirmed("feedparser");
            ada.post("/papers/2506.09560/upvote", Map.of("action", "upvote"));
            Matcher url = Pattern.compile("/feeds/for-you/[A-Za-z0-9_-]+\\.atom")
                    .matcher(ada.post("/papers/for-you/feed", Map.of("action", "new"))
                            .body());
            assertThat(url.find()).isTrue();
            Files.writeString(atom, server.get(url.group()).body());
        }
        String script = SCRIPT + """
                feed = feedparser.parse(sys.argv[1])
                print(all(e.summary.startswith('like ') and ', which you upvoted' in e.summary for e in feed.entries))
                """;

        Process python = new ProcessBuilder(PYTHON.toString(), "-c", script, atom.toString())
                .redirectErrorStream(true)
                .start();
        List<String> lines =
                new String(python.getInputStream().readAllBytes()).lines().toList();
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(lines).containsExactly("for-you.atom 0 30 True atom10", "True");
    }
}
