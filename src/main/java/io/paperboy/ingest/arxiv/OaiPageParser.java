package io.paperboy.ingest.arxiv;

import io.paperboy.paper.Paper;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one OAI-PMH response ({@code ListRecords} or {@code GetRecord}, {@code metadataPrefix=arXiv})
 * with the JDK's StAX parser, in one pass and without building a tree.
 *
 * <p>It reads both of arXiv's endpoints: the old one (export.arxiv.org/oai2: hard-wrapped titles
 * and abstracts) and the new one (oaipmh.arxiv.org/oai: free indentation, {@code &#39;} escapes,
 * three-part setSpecs). DTDs and external entities are off, so a hostile page cannot make the
 * parser read local files or expand entity bombs. A bad record becomes a {@link HarvestProblem}
 * and the rest of the page is kept; a page that is not well-formed XML is rejected whole.
 */
final class OaiPageParser {
    static final String OAI_NS = "http://www.openarchives.org/OAI/2.0/";
    static final String ARXIV_NS = "http://arxiv.org/OAI/arXiv/";
    private static final XMLInputFactory FACTORY = factory();

    /** A page that cannot be read at all: not XML, truncated, or not an OAI-PMH response. */
    static final class MalformedPageException extends Exception {
        MalformedPageException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static XMLInputFactory factory() {
        // newDefaultFactory: always the JDK's own parser, whatever else is on the classpath.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** Parses {@code body}; {@code request} names the request in every message. */
    OaiPage parse(InputStream body, String request) throws MalformedPageException {
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(Xml.utf8(body));
            try {
                return new PageReader(r, request).read();
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new MalformedPageException(request + ": malformed XML" + where(e) + ": " + reason(e), e);
        }
    }

    private static String where(XMLStreamException e) {
        return e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNumber() + ", column "
                        + e.getLocation().getColumnNumber();
    }

    // The JDK prefixes its messages with "ParseError at [row,col]:[l,c]\nMessage: "; the location is reported apart.
    private static String reason(XMLStreamException e) {
        if (e.getNestedException() instanceof java.nio.charset.CharacterCodingException) {
            return "invalid UTF-8 (OAI-PMH responses must be UTF-8)";
        }
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        return at >= 0 ? message.substring(at + "Message: ".length()).strip() : message.strip();
    }

    /** The state of reading one page. */
    private static final class PageReader {
        private final XMLStreamReader r;
        private final String request;
        private final List<Paper> papers = new ArrayList<>();
        private final java.util.Map<String, LocalDate> datestamps = new java.util.HashMap<>();
        private final List<HarvestProblem> problems = new ArrayList<>();
        private final List<OaiError> errors = new ArrayList<>();
        private int deleted;
        private String token;
        private long completeListSize = -1;
        private LocalDate latest;

        PageReader(XMLStreamReader r, String request) {
            this.r = r;
            this.request = request;
        }

        OaiPage read() throws XMLStreamException, MalformedPageException {
            r.nextTag();
            if (!OAI_NS.equals(r.getNamespaceURI()) || !"OAI-PMH".equals(r.getLocalName())) {
                throw new MalformedPageException(
                        request + ": not an OAI-PMH response (root element <" + r.getLocalName() + "> in namespace "
                                + r.getNamespaceURI() + ")",
                        null);
            }
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && OAI_NS.equals(r.getNamespaceURI())) {
                    element(r.getLocalName());
                }
            }
            return new OaiPage(papers, problems, errors, deleted, token, completeListSize, latest, datestamps);
        }

        private void element(String name) throws XMLStreamException {
            switch (name) {
                case "error" ->
                    errors.add(new OaiError(
                            String.valueOf(r.getAttributeValue(null, "code")),
                            Xml.text(r).strip()));
                case "record" -> record();
                case "resumptionToken" -> resumptionToken();
                default -> {}
            }
        }

        // An empty token element marks the last page of a list (OAI-PMH 2.0, section 3.5).
        private void resumptionToken() throws XMLStreamException {
            String size = r.getAttributeValue(null, "completeListSize");
            if (size != null && size.strip().matches("\\d{1,18}")) {
                completeListSize = Long.parseLong(size.strip());
            }
            String text = Xml.text(r).strip();
            token = text.isEmpty() ? null : text;
        }

        private void record() throws XMLStreamException {
            OaiRecordReader record = new OaiRecordReader(r);
            record.read();
            String id = record.identifier == null
                    ? "#" + (papers.size() + problems.size() + deleted + 1)
                    : record.identifier;
            if (record.deleted) {
                deleted++;
                return;
            }
            try {
                LocalDate day = datestamp(record.datestamp);
                Paper paper = record.paper();
                latest = later(latest, day);
                papers.add(paper);
                datestamps.put(paper.id(), day);
            } catch (BadRecordException e) {
                problems.add(new HarvestProblem(request, id, e.getMessage()));
            }
        }

        private static LocalDate datestamp(String text) throws BadRecordException {
            if (text == null || text.isBlank()) {
                throw new BadRecordException("header <datestamp>: missing or empty");
            }
            String day = text.strip();
            try {
                // Day granularity (YYYY-MM-DD), or seconds granularity whose first ten characters are the day.
                return LocalDate.parse(day.length() > 10 && day.charAt(10) == 'T' ? day.substring(0, 10) : day);
            } catch (DateTimeParseException e) {
                throw new BadRecordException("header <datestamp>: '" + day + "' is not a date (YYYY-MM-DD)");
            }
        }

        private static LocalDate later(LocalDate a, LocalDate b) {
            return a == null || b.isAfter(a) ? b : a;
        }
    }
}
