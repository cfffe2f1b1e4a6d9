package io.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The site's own files (CSS, scripts, icons, KaTeX's fonts) under a content hash: pages name
 * {@code /static/<hash>/app.css}, and a browser may keep such a file for a year without asking again,
 * because a new build that changes any of them changes the hash and so every address.
 *
 * <p>One hash covers them all rather than one per file, because KaTeX's stylesheet names its fonts by
 * relative paths: they must sit under the same prefix as the stylesheet. An address with another hash
 * (a page rendered by an older node during a rolling restart) still gets the current file, without the
 * year-long promise.
 */
public final class StaticAssets {
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";
    public static final String REVALIDATE = "public, max-age=0, must-revalidate";

    /** The files pages name; fonts change only with KaTeX's stylesheet, which is here. */
    private static final List<String> NAMED = List.of(
            "app.css",
            "app.js",
            "icon.svg",
            "vendor/katex/katex.min.css",
            "vendor/katex/katex.min.js",
            "vendor/katex/contrib/auto-render.min.js",
            "vendor/htmx/htmx.min.js");

    private static final Map<String, String> TYPES = Map.of(
            "css",
            "text/css; charset=utf-8",
            "js",
            "text/javascript; charset=utf-8",
            "svg",
            "image/svg+xml",
            "woff2",
            "font/woff2",
            "woff",
            "font/woff",
            "ttf",
            "font/ttf",
            "txt",
            "text/plain; charset=utf-8");
    private static final String VERSION = hashOf(NAMED);
    private static final Map<String, Optional<byte[]>> FILES = new ConcurrentHashMap<>();

    private StaticAssets() {}

    /** The address pages use for one of the site's files, e.g. {@code url("app.css")}. */
    public static String url(String file) {
        return "/static/" + VERSION + "/" + file;
    }

    public static String version() {
        return VERSION;
    }

    /** GET /static/{version}/&lt;file&gt;. */
    public static void serve(Context ctx) {
        String file = ctx.pathParam("file");
        String type = typeOf(file);
        Optional<byte[]> bytes =
                type == null || !safe(file) ? Optional.empty() : FILES.computeIfAbsent(file, StaticAssets::read);
        if (bytes.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND)
                    .contentType("text/plain; charset=utf-8")
                    .result("No such file: " + file);
            return;
        }
        boolean current = VERSION.equals(ctx.pathParam("version"));
        ctx.header("Cache-Control", current ? IMMUTABLE : REVALIDATE)
                .contentType(type)
                .result(bytes.get());
    }

    private static boolean safe(String file) {
        return !file.contains("..") && !file.contains("\\") && !file.startsWith("/") && !file.contains("//");
    }

    private static String typeOf(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(file.substring(dot + 1));
    }

    private static Optional<byte[]> read(String file) {
        try (InputStream in = StaticAssets.class.getResourceAsStream("/static/" + file)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hashOf(List<String> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String file : files) {
                sha.update(file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                read(file).ifPresent(sha::update);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
