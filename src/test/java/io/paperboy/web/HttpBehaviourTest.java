package io.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.Poll;
import io.paperboy.testing.ServerExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Headers, caching, compression, metrics and hostile input, through a real server. */
final class HttpBehaviourTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    @Test
    void everyPage_carriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/papers/trending", "/papers/0704.0001", "/api/papers/0704.0001", "/nope")) {
            HttpResponse<String> response = SERVER.server().get(path);
            String csp =
                    response.headers().firstValue("content-security-policy").orElseThrow();
            assertThat(csp)
                    .as(path)
                    .contains("frame-ancestors 'none'")
                    .contains("script-src 'self'")
                    .doesNotContain("unsafe-inline");
            assertThat(response.headers().firstValue("x-content-type-options"))
                    .as(path)
                    .hasValue("nosniff");
            assertThat(response.headers().firstValue("referrer-policy"))
                    .as(path)
                    .isPresent();
        }
    }

    @Test
    void unchangedPage_answers304ToItsEtag() throws Exception {
        HttpResponse<String> first = SERVER.server().get("/papers/date/2026-06-12");
        String etag = first.headers().firstValue("etag").orElseThrow();

        HttpResponse<String> again = SERVER.server().get("/papers/date/2026-06-12", "If-None-Match", etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(first.headers().firstValue("cache-control")).hasValue("public, max-age=60");
    }

    @Test
    void unchangedPage_answers304ToItsLastModified() throws Exception {
        // Last-Modified appears once the second the page was rendered in is over (PageCache.lastModified).
        HttpResponse<String> first = Poll.until(
                Duration.ofSeconds(3),
                () -> SERVER.server().get("/papers/date/2026-06-12"),
                r -> r.headers().firstValue("last-modified").isPresent());
        String lastModified = first.headers().firstValue("last-modified").orElseThrow();

        assertThat(SERVER.server()
                        .get("/papers/date/2026-06-12", "If-Modified-Since", lastModified)
                        .statusCode())
                .isEqualTo(304);
        assertThat(SERVER.server()
                        .get("/papers/date/2026-06-12", "If-Modified-Since", "Thu, 01 Jan 2015 00:00:00 GMT")
                        .statusCode())
                .isEqualTo(200);
        assertThat(SERVER.server()
                        .get("/papers/date/2026-06-12", "If-Modified-Since", "yesterday")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void pages_areGzippedForClientsThatAsk() throws Exception {
        HttpResponse<byte[]> response = SERVER.server().getBytes("/papers/date/2026-06-12", "Accept-Encoding", "gzip");

        assertThat(response.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(response.body()[0] & 0xff).isEqualTo(0x1f);
    }

    /**
     * A cached page is gzipped once, when kept, and sent as stored: with its length (not chunked),
     * its own ETag, and Vary naming Accept-Encoding, so a shared cache never hands the gzip bytes to
     * a client that did not ask for them (before, Javalin gzipped it on every request and Vary
     * named only Cookie and Authorization).
     */
    @Test
    void cachedPages_areSentGzippedAsKept_withTheirLengthTheirOwnEtagAndVary() throws Exception {
        String page = "/papers/date/2026-06-12";
        HttpResponse<byte[]> plain = SERVER.server().getBytes(page);
        HttpResponse<byte[]> first = SERVER.server().getBytes(page, "Accept-Encoding", "gzip");
        HttpResponse<byte[]> hit = SERVER.server().getBytes(page, "Accept-Encoding", "br, gzip;q=0.8, deflate");

        assertThat(plain.headers().firstValue("content-encoding")).isEmpty();
        assertThat(plain.headers().firstValue("content-length")).hasValue(Integer.toString(plain.body().length));
        assertThat(plain.headers().firstValue("vary").orElseThrow())
                .contains("Accept-Encoding")
                .contains("Cookie");
        for (HttpResponse<byte[]> gzipped : List.of(first, hit)) {
            assertThat(gzipped.headers().firstValue("content-encoding")).hasValue("gzip");
            assertThat(gzipped.headers().firstValue("content-length"))
                    .hasValue(Integer.toString(gzipped.body().length));
            assertThat(gzipped.headers().firstValue("vary").orElseThrow())
                    .contains("Accept-Encoding")
                    .contains("Cookie");
            assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());
            assertThat(gzipped.headers().firstValue("etag"))
                    .isNotEqualTo(plain.headers().firstValue("etag"))
                    .hasValue(first.headers().firstValue("etag").orElseThrow());
        }
    }

    @Test
    void aClientRefusingGzip_getsThePlainPage() throws Exception {
        String page = "/papers/date/2026-06-12";
        HttpResponse<byte[]> plain = SERVER.server().getBytes(page);

        for (String refusal : List.of("gzip;q=0", "identity", "*;q=0", "br")) {
            HttpResponse<byte[]> response = SERVER.server().getBytes(page, "Accept-Encoding", refusal);

            assertThat(response.headers().firstValue("content-encoding"))
                    .as(refusal)
                    .isEmpty();
            assertThat(response.body()).as(refusal).isEqualTo(plain.body());
        }
    }

    /** Either representation's ETag names the version: a cache revalidating what it holds gets a 304. */
    @Test
    void eitherRepresentationsEtag_answers304_andAnOldOneTheNewPage() throws Exception {
        String page = "/papers/date/2026-06-12";
        String plainEtag =
                SERVER.server().get(page).headers().firstValue("etag").orElseThrow();
        String gzipEtag = SERVER.server()
                .getBytes(page, "Accept-Encoding", "gzip")
                .headers()
                .firstValue("etag")
                .orElseThrow();

        assertThat(SERVER.server()
                        .getBytes(page, "Accept-Encoding", "gzip", "If-None-Match", gzipEtag)
                        .statusCode())
                .isEqualTo(304);
        assertThat(SERVER.server()
                        .getBytes(page, "Accept-Encoding", "gzip", "If-None-Match", plainEtag)
                        .statusCode())
                .isEqualTo(304);
        assertThat(SERVER.server().get(page, "If-None-Match", gzipEtag).statusCode())
                .isEqualTo(304);
        HttpResponse<byte[]> stale =
                SERVER.server().getBytes(page, "Accept-Encoding", "gzip", "If-None-Match", "\"0-0-gzip\"");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.headers().firstValue("content-encoding")).hasValue("gzip");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "gzip | true",
                "GZIP | true",
                "x-gzip | true",
                "gzip, deflate, br | true",
                "br;q=1.0, gzip;q=0.5 | true",
                "* | true",
                "*;q=0.1 | true",
                "gzip;q=0 | false",
                "gzip;q=0.000 | false",
                "gzip; Q=0 | false",
                "*;q=0 | false",
                "identity | false",
                "deflate, br | false",
                "'' | false",
                "gzip;q=0, * | false",
                "*;q=0, gzip | true",
                "gzip;q=oops | true"
            })
    void acceptEncoding_takesGzipWhenNamedOrStarred_withAWeightAboveZero(String header, boolean takesGzip) {
        assertThat(PageCache.acceptsGzip(header)).isEqualTo(takesGzip);
    }

    private static byte[] gunzip(byte[] gzipped) throws java.io.IOException {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }

    @Test
    void staticFiles_underTheirOldAddresses_areServedWithAnHoursCaching() throws Exception {
        HttpResponse<String> css = SERVER.server().get("/static/app.css");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains("prefers-color-scheme: dark");
        assertThat(css.headers().firstValue("cache-control")).hasValue("public, max-age=3600");
    }

    @Test
    void everyFileAPageNames_isServedUnderTheContentHash_andKeptForAYear() throws Exception {
        String page = SERVER.server().get("/").body();
        var named = java.util.regex.Pattern.compile("(?:href|src)=\"(/static/[^\"]+)\"")
                .matcher(page)
                .results()
                .map(m -> m.group(1))
                .toList();

        assertThat(named)
                .hasSizeGreaterThanOrEqualTo(7)
                .allSatisfy(path -> assertThat(path).startsWith("/static/" + StaticAssets.version() + "/"));
        for (String path : named) {
            HttpResponse<byte[]> file = SERVER.server().getBytes(path);
            assertThat(file.statusCode()).as(path).isEqualTo(200);
            assertThat(file.headers().firstValue("cache-control")).as(path).hasValue(StaticAssets.IMMUTABLE);
        }
    }

    @Test
    void katexFonts_resolveUnderTheSameHash_asItsStylesheet() throws Exception {
        HttpResponse<byte[]> font =
                SERVER.server().getBytes(StaticAssets.url("vendor/katex/fonts/KaTeX_Main-Regular.woff2"));

        assertThat(font.statusCode()).isEqualTo(200);
        assertThat(font.headers().firstValue("content-type")).hasValue("font/woff2");
        assertThat(new String(font.body(), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("wOF2");
    }

    @Test
    void anOlderHash_stillGetsTheCurrentFile_butNotTheYearLongPromise() throws Exception {
        HttpResponse<String> css = SERVER.server().get("/static/000000000000/app.css");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains("prefers-color-scheme: dark");
        assertThat(css.headers().firstValue("cache-control")).hasValue(StaticAssets.REVALIDATE);
    }

    @Test
    void hashedAddresses_serveOnlyTheSitesOwnFiles() throws Exception {
        String version = StaticAssets.version();

        assertThat(SERVER.server()
                        .get("/static/" + version + "/../api/openapi.json")
                        .statusCode())
                .isEqualTo(404);
        assertThat(SERVER.server()
                        .get("/static/" + version + "/vendor/..%2F..%2Fapi%2Fopenapi.json")
                        .statusCode())
                .isEqualTo(404);
        assertThat(SERVER.server()
                        .get("/static/" + version + "/no-such-file.css")
                        .statusCode())
                .isEqualTo(404);
        assertThat(SERVER.server().get("/static/" + version + "/app.class").statusCode())
                .isEqualTo(404);
    }

    @Test
    void metrics_exposeRequestTimersByRoute() throws Exception {
        SERVER.server().get("/papers/trending");

        // The timer is recorded after the response is sent, so the scrape may need a moment.
        HttpResponse<String> metrics = Poll.until(
                Duration.ofSeconds(2),
                () -> SERVER.server().metrics(),
                r -> r.body().contains("route=\"/papers/trending\""));

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains(
                        "http_server_requests_seconds_count{method=\"GET\",route=\"/papers/trending\",status=\"200\"}")
                .contains("jvm_memory_used_bytes");
    }

    /** Whatever a user types into a URL gets a 4xx answer (or a page), never a 500. */
    @Test
    void fuzzedParameters_neverCauseA500() throws Exception {
        List<String> hostile = List.of(
                "2024-13-45",
                "9999-W99",
                "0000-00-00",
                "2024-W00",
                "../../etc/passwd",
                "..%2F..%2Fetc%2Fpasswd",
                "%00",
                "%0d%0aSet-Cookie:x=1",
                "'; DROP TABLE papers; --",
                "<script>alert(1)</script>",
                "x".repeat(10_000),
                "\u0001\u0002",
                "9".repeat(40),
                "-1",
                "NaN",
                "%F0%9F%98%80",
                "%ff%fe");
        List<String> templates = List.of(
                "/papers/date/%s",
                "/papers/week/%s",
                "/papers/month/%s",
                "/papers/%s",
                "/api/papers/%s",
                "/papers/trending?cat=%s",
                "/papers/date/2026-06-12?code=%s",
                "/api/daily_papers?date=%s",
                "/api/daily_papers?week=%s",
                "/api/daily_papers?month=%s",
                "/api/daily_papers?limit=%s",
                "/api/daily_papers?p=%s",
                "/feeds/daily.%s",
                "/feeds/daily.atom?date=%s",
                "/feeds/trending.rss?cat=%s");
        List<String> failures = new ArrayList<>();
        for (String template : templates) {
            for (String value : hostile) {
                String encoded = value.contains("%") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8);
                String path = String.format(template, encoded);
                HttpResponse<String> response = SERVER.server().get(path);
                if (response.statusCode() >= 500 || response.body().contains("Exception")) {
                    failures.add(response.statusCode() + " " + path.substring(0, Math.min(80, path.length())));
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}
