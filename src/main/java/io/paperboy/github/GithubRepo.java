package io.paperboy.github;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A repository on GitHub, {@code owner/name}, as a paper's code link names it. */
record GithubRepo(String owner, String name) {
    // GitHub's own rules: owners are letters, digits and single hyphens; names add '.' and '_'.
    private static final Pattern PATH =
            Pattern.compile("/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/([A-Za-z0-9._-]{1,100})(?:/.*)?");

    /** The repository of {@code url} (https://github.com/owner/name[.git][/tree/…]), or empty. */
    static Optional<GithubRepo> fromUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!host.equals("github.com") && !host.equals("www.github.com") || uri.getPath() == null) {
            return Optional.empty();
        }
        Matcher m = PATH.matcher(uri.getPath());
        if (!m.matches()) {
            return Optional.empty();
        }
        String name =
                m.group(2).endsWith(".git") ? m.group(2).substring(0, m.group(2).length() - 4) : m.group(2);
        return name.isEmpty() || name.equals(".") || name.equals("..")
                ? Optional.empty()
                : Optional.of(new GithubRepo(m.group(1), name));
    }

    /** {@code owner/name}, as stored and as the API's path takes it. */
    String path() {
        return owner + "/" + name;
    }
}
