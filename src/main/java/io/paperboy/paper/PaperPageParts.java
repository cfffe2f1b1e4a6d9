package io.paperboy.paper;

import gg.jte.Content;
import io.javalin.http.Context;
import io.paperboy.web.Member;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What other features add to a paper's page, each as a function of the paper's id, so that paper
 * knows none of them: where it was featured (listing), papers like it (search), its upvotes and
 * whether the member looking (or null) cast one (vote), the author names whose claims a curator
 * approved, author → member name (user), the member's own buttons beside the votes such as "save
 * for later" (foryou) and a curator's "feature a new version again" (listing), the discussion
 * below it (comment), and its extras: key phrases (keyword), GitHub stars (github), the Hub's
 * linked repositories (hub).
 */
public record PaperPageParts(
        Function<String, List<Featured>> featured,
        Function<String, List<Related>> similar,
        BiFunction<String, Member, Upvotes> upvotes,
        Function<String, Map<String, String>> claimedAuthors,
        BiFunction<Context, String, Content> memberActions,
        BiFunction<Context, String, Content> comments,
        PaperExtras.Source extras) {}
