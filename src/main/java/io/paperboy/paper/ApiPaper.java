package io.paperboy.paper;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A paper as every API shows it, in the shape (and field order) of Hugging Face's paper API, then the
 * arXiv metadata Paperboy keeps beside it. Nulls are written ({@code "githubRepo": null}, as the Hub
 * writes them); only {@code arxivUrl} and {@code pdfUrl} are absent, for papers not on arXiv.
 *
 * @param publishedAt the day published, as the Hub writes it ({@code 2026-12-06T00:00:00.000Z}); null when unknown
 * @param updatedAt the last arXiv version's time, ISO-8601; null when unknown
 */
public record ApiPaper(
        String id,
        String title,
        String summary,
        List<Person> authors,
        String publishedAt,
        int upvotes,
        int numComments,
        String githubRepo,
        Integer githubStars,
        String projectPage,
        @JsonProperty("ai_keywords") List<String> aiKeywords,
        List<LinkedItem> linkedModels,
        int numTotalModels,
        List<LinkedItem> linkedDatasets,
        int numTotalDatasets,
        List<LinkedItem> linkedSpaces,
        int numTotalSpaces,
        int version,
        List<String> categories,
        String updatedAt,
        String comments,
        String journalRef,
        List<String> dois,
        String license,
        List<Link> links,
        @JsonInclude(JsonInclude.Include.NON_NULL) String arxivUrl,
        @JsonInclude(JsonInclude.Include.NON_NULL) String pdfUrl) {

    /** An author or a member, as the Hub names people: {@code {"name": …}}. */
    public record Person(String name) {}

    /** A model, dataset or Space on the Hub that cites the paper; {@code downloads} absent when the Hub gives none. */
    public record LinkedItem(
            String id,
            int likes,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer downloads) {}

    /** An artifact link: {@code kind} is the link's label (code, project page, …). */
    public record Link(String kind, String url) {}
}
