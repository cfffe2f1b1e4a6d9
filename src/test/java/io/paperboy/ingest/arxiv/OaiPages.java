package io.paperboy.ingest.arxiv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recorded arXiv OAI-PMH pages from test resources, and multi-page lists built from their
 * records. The recorded pages carry no resumption token, so the paged ones add tokens in the exact
 * OAI-PMH 2.0 element form, with an empty token element on the last page, as arXiv sends them.
 */
final class OaiPages {
    static final String DIR = "/samples/arxiv-oai-pmh/";
    static final String HEP_TH = "export-oai2-listrecords-arXiv-hep-th-2017-12-14.xml";
    static final String HEP_EX = "export-oai2-listrecords-arXiv-hep-ex-2017-12-14.xml";
    static final String GET_RECORD = "export-oai2-getrecord-arXiv-1401.2122.xml";
    static final String NEW_ENDPOINT = "oaipmh-new-endpoint-listrecords-arXiv-plasm-ph-2026-01-05.xml";
    static final String CONSTRUCTED_0704_0001 = "constructed-getrecord-arXiv-0704.0001.xml";
    private static final Pattern RECORD = Pattern.compile("(?s)<record>.*?</record>");
    private static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">
            <responseDate>2026-01-06T05:54:30Z</responseDate>
            """;

    private OaiPages() {}

    static String load(String name) {
        try (InputStream in = OaiPages.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code <record>} elements of the recorded pages, verbatim: 10 records, 10 papers. */
    static List<String> realRecords() {
        List<String> records = new ArrayList<>();
        for (String name : List.of(HEP_TH, HEP_EX, GET_RECORD, NEW_ENDPOINT)) {
            Matcher m = RECORD.matcher(load(name));
            while (m.find()) {
                records.add(m.group());
            }
        }
        return records;
    }

    /** A real record with its arXiv id and identifier replaced, for lists longer than the recordings. */
    static String withId(String record, String id) {
        String oldId = record.replaceFirst("(?s).*<id>([^<]+)</id>.*", "$1");
        return record.replace(oldId, id);
    }

    /** A ListRecords page holding {@code records}, with the given token element (or none if null). */
    static String listRecords(List<String> records, String tokenElement) {
        return HEAD + "<request verb=\"ListRecords\" metadataPrefix=\"arXiv\">http://export.arxiv.org/oai2</request>\n"
                + "<ListRecords>\n" + String.join("\n", records) + "\n"
                + (tokenElement == null ? "" : tokenElement + "\n") + "</ListRecords>\n</OAI-PMH>\n";
    }

    /** An OAI-PMH error answer, as arXiv sends it (HTTP 200, request echoed, error element). */
    static String error(String code, String message) {
        return HEAD + "<request>http://export.arxiv.org/oai2</request>\n<error code=\"" + code + "\">" + message
                + "</error>\n</OAI-PMH>\n";
    }

    /**
     * {@code records} split into pages of {@code pageSize}; page k (0-based) is reached with token
     * "tok-k" and carries "tok-(k+1)", the last an empty token element.
     */
    static List<String> paged(List<String> records, int pageSize) {
        List<String> pages = new ArrayList<>();
        int total = records.size();
        for (int start = 0; start < total; start += pageSize) {
            int end = Math.min(total, start + pageSize);
            int k = start / pageSize;
            String token = end < total
                    ? "<resumptionToken cursor=\"" + start + "\" completeListSize=\"" + total + "\">tok-" + (k + 1)
                            + "</resumptionToken>"
                    : "<resumptionToken cursor=\"" + start + "\" completeListSize=\"" + total + "\"></resumptionToken>";
            pages.add(listRecords(records.subList(start, end), token));
        }
        return pages;
    }

    /** Serves {@code pages} by token; an unknown token gets OAI-PMH's badResumptionToken. */
    static ReplayServer.Script serving(List<String> pages) {
        return (query, n) -> ReplayServer.Reply.ok(page(pages, query));
    }

    static String page(List<String> pages, Map<String, String> query) {
        String token = query.get("resumptionToken");
        if (token == null) {
            return pages.get(0);
        }
        if (!token.matches("tok-\\d+") || Integer.parseInt(token.substring(4)) >= pages.size()) {
            return error("badResumptionToken", "The value of the resumptionToken argument is invalid or expired.");
        }
        return pages.get(Integer.parseInt(token.substring(4)));
    }
}
