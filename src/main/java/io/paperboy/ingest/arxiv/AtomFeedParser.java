package io.paperboy.ingest.arxiv;

import io.paperboy.paper.Paper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an arXiv API ({@code export.arxiv.org/api/query}) Atom feed of either output generation:
 * the older one (namespaces declared per element, hard-wrapped titles and summaries, primary
 * category with a scheme) and the 2026 one (namespaces on the feed, other element order,
 * unwrapped summaries). Elements are matched by namespace and name, never by position.
 */
final class AtomFeedParser {
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    static final String ARXIV_NS = "http://arxiv.org/schemas/atom";
    private static final XMLInputFactory FACTORY = factory();

    /** The papers of a feed, the entries that could not be read, and the errors arXiv reported. */
    record Feed(List<Paper> papers, List<HarvestProblem> problems, List<String> errors) {}

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    Feed parse(InputStream body, String request) {
        List<Paper> papers = new ArrayList<>();
        List<HarvestProblem> problems = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(Xml.utf8(body));
            r.nextTag();
            if (!ATOM_NS.equals(r.getNamespaceURI()) || !"feed".equals(r.getLocalName())) {
                throw new HarvestException(request + ": not an Atom feed (root element <" + r.getLocalName() + ">)");
            }
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT
                        && ATOM_NS.equals(r.getNamespaceURI())
                        && "entry".equals(r.getLocalName())) {
                    AtomEntry entry = entry(r);
                    add(entry, request, papers, problems, errors);
                }
            }
            r.close();
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNumber() + ", column "
                            + e.getLocation().getColumnNumber();
            String reason = e.getNestedException() instanceof java.nio.charset.CharacterCodingException
                    ? "invalid UTF-8"
                    : e.getMessage();
            throw new HarvestException(request + ": malformed XML" + where + ": " + reason, e);
        }
        return new Feed(papers, problems, errors);
    }

    private static void add(
            AtomEntry entry, String request, List<Paper> papers, List<HarvestProblem> problems, List<String> errors) {
        if (entry.isError()) {
            errors.add(entry.summary == null ? entry.id : entry.summary.strip());
            return;
        }
        try {
            papers.add(entry.toPaper());
        } catch (BadRecordException e) {
            problems.add(new HarvestProblem(
                    request,
                    entry.id == null ? "#" + (papers.size() + problems.size() + 1) : entry.id.strip(),
                    e.getMessage()));
        }
    }

    private static AtomEntry entry(XMLStreamReader r) throws XMLStreamException {
        AtomEntry e = new AtomEntry();
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String ns = r.getNamespaceURI();
            String name = r.getLocalName();
            if (ATOM_NS.equals(ns)) {
                atomField(r, e, name);
            } else if (ARXIV_NS.equals(ns)) {
                arxivField(r, e, name);
            } else {
                Xml.skip(r);
            }
        }
        return e;
    }

    private static void atomField(XMLStreamReader r, AtomEntry e, String name) throws XMLStreamException {
        switch (name) {
            case "id" -> e.id = Xml.text(r);
            case "title" -> e.title = Xml.text(r);
            case "summary" -> e.summary = Xml.text(r);
            case "published" -> e.published = Xml.text(r);
            case "updated" -> e.updated = Xml.text(r);
            case "category" -> {
                e.categories.add(String.valueOf(r.getAttributeValue(null, "term")));
                Xml.skip(r);
            }
            case "author" -> author(r, e);
            default -> Xml.skip(r);
        }
    }

    private static void arxivField(XMLStreamReader r, AtomEntry e, String name) throws XMLStreamException {
        switch (name) {
            case "comment" -> e.comment = Xml.text(r);
            case "journal_ref" -> e.journalRef = Xml.text(r);
            case "doi" -> e.doi = Xml.text(r);
            case "primary_category" -> {
                e.primaryCategory = r.getAttributeValue(null, "term");
                Xml.skip(r);
            }
            default -> Xml.skip(r);
        }
    }

    private static void author(XMLStreamReader r, AtomEntry e) throws XMLStreamException {
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (ATOM_NS.equals(r.getNamespaceURI()) && "name".equals(r.getLocalName())) {
                e.authors.add(Xml.text(r));
            } else {
                Xml.skip(r);
            }
        }
    }
}
