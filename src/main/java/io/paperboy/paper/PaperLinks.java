package io.paperboy.paper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where a paper lives: its page here and its arXiv abstract and PDF. */
public final class PaperLinks {
    private PaperLinks() {}

    /** Path of the paper's page; old-style ids keep their slash, as on Hugging Face and arXiv. */
    public static String page(Paper p) {
        return "/papers/" + p.id();
    }

    public static String abs(Paper p) {
        return p.isArxiv() ? "https://arxiv.org/abs/" + p.id() : null;
    }

    public static String pdf(Paper p) {
        return p.isArxiv() ? "https://arxiv.org/pdf/" + p.id() : null;
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
