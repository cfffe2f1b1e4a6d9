package io.paperboy.web;

import java.net.URI;

/**
 * The public address of the site (https://papers.example.org), for links that leave it: mails,
 * feeds read elsewhere. Requests themselves never decide it, so a forged Host header cannot plant
 * its own address in a password-reset mail.
 */
public record SiteUrl(String base) {
    public SiteUrl {
        URI uri = URI.create(base);
        if (uri.getScheme() == null
                || uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("the site URL must be an absolute http(s) URL, not '" + base + "'");
        }
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** {@code path} (starting with "/") on this site. */
    public String absolute(String path) {
        return base + path;
    }

    public boolean https() {
        return base.startsWith("https:");
    }
}
