import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local arXiv OAI-PMH server for the harvest benchmark: serves RECORDS records in pages of
 * PAGE_SIZE with resumption tokens in OAI-PMH's exact element form, each record one of the real
 * recorded ones (old and new endpoint) under a new id.
 *
 * <p>Run: {@code java bench/OaiReplayServer.java RECORDS PAGE_SIZE PORT [SAMPLES_DIR]}; then
 * {@code paperboy harvest arxiv --set cs --delay-ms 0 --base-url http://127.0.0.1:PORT/oai}.
 */
public final class OaiReplayServer {
    private static final Pattern RECORD = Pattern.compile("(?s)<record>.*?</record>");
    private static final Pattern ID = Pattern.compile("<id>([^<]+)</id>");
    private static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">
            <responseDate>2026-01-06T05:54:30Z</responseDate>
            <request verb="ListRecords" metadataPrefix="arXiv" set="cs">http://oaipmh.arxiv.org/oai</request>
            <ListRecords>
            """;

    public static void main(String[] args) throws Exception {
        int records = Integer.parseInt(args[0]);
        int pageSize = Integer.parseInt(args[1]);
        int port = Integer.parseInt(args[2]);
        Path samples = Path.of(args.length > 3 ? args[3] : "src/test/resources/samples/arxiv-oai-pmh");
        List<String> templates = templates(samples);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/oai", exchange -> answer(exchange, templates, records, pageSize));
        server.start();
        System.err.println("OaiReplayServer: " + records + " records in pages of " + pageSize + " on port " + port
                + " from " + templates.size() + " real records");
    }

    private static List<String> templates(Path samples) throws IOException {
        List<String> records = new ArrayList<>();
        try (var files = Files.list(samples)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("(export|oaipmh).*\\.xml")).sorted().toList()) {
                Matcher m = RECORD.matcher(Files.readString(file));
                while (m.find()) {
                    records.add(m.group());
                }
            }
        }
        return records;
    }

    private static void answer(HttpExchange exchange, List<String> templates, int records, int pageSize) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        int page = 0;
        Matcher token = Pattern.compile("resumptionToken=b-(\\d+)").matcher(query == null ? "" : query);
        if (token.find()) {
            page = Integer.parseInt(token.group(1));
        }
        byte[] body = page(templates, records, pageSize, page).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String page(List<String> templates, int records, int pageSize, int page) {
        StringBuilder xml = new StringBuilder(HEAD);
        int start = page * pageSize;
        int end = Math.min(records, start + pageSize);
        for (int i = start; i < end; i++) {
            String template = templates.get(i % templates.size());
            Matcher id = ID.matcher(template);
            id.find();
            xml.append(template.replace(id.group(1), newId(i))).append('\n');
        }
        xml.append("<resumptionToken cursor=\"").append(start).append("\" completeListSize=\"").append(records).append("\">");
        if (end < records) {
            xml.append("b-").append(page + 1);
        }
        return xml.append("</resumptionToken>\n</ListRecords>\n</OAI-PMH>\n").toString();
    }

    // Unique new-style ids: 99,999 per month from 2001 (2020-01) on.
    private static String newId(int i) {
        int month = i / 99_999;
        return String.format("%02d%02d.%05d", 20 + month / 12, 1 + month % 12, i % 99_999 + 1);
    }
}
