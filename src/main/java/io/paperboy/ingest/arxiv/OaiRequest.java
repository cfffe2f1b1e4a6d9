package io.paperboy.ingest.arxiv;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** One OAI-PMH request: a verb and its arguments against a base URL. */
record OaiRequest(URI baseUrl, Map<String, String> arguments) {
    static final String METADATA_PREFIX = "arXiv";

    OaiRequest {
        arguments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    /** The first request of a list: the set and dates, any of them null to leave out. */
    static OaiRequest listRecords(URI baseUrl, String set, LocalDate from, LocalDate until) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("verb", "ListRecords");
        args.put("metadataPrefix", METADATA_PREFIX);
        putIfPresent(args, "set", set);
        putIfPresent(args, "from", from == null ? null : from.toString());
        putIfPresent(args, "until", until == null ? null : until.toString());
        return new OaiRequest(baseUrl, args);
    }

    /** A next page: the resumption token is an exclusive argument (OAI-PMH 2.0, section 3.5). */
    static OaiRequest resume(URI baseUrl, String token) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("verb", "ListRecords");
        args.put("resumptionToken", token);
        return new OaiRequest(baseUrl, args);
    }

    static OaiRequest getRecord(URI baseUrl, String identifier) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("verb", "GetRecord");
        args.put("identifier", identifier);
        args.put("metadataPrefix", METADATA_PREFIX);
        return new OaiRequest(baseUrl, args);
    }

    URI uri() {
        String query = arguments.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String base = baseUrl.toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + query);
    }

    @Override
    public String toString() {
        return "GET " + uri();
    }

    private static void putIfPresent(Map<String, String> args, String key, String value) {
        if (value != null && !value.isBlank()) {
            args.put(key, value);
        }
    }
}
