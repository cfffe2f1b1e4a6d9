package io.paperboy.ingest.arxiv;

import io.paperboy.paper.Paper;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads one OAI-PMH {@code <record>}: its header, and its metadata when in the arXiv format. */
final class OaiRecordReader {
    private final XMLStreamReader r;
    String identifier;
    String datestamp;
    boolean deleted;
    private ArxivMetadata metadata;
    private String otherFormat;

    /** {@code r} is on the record's start tag. */
    OaiRecordReader(XMLStreamReader r) {
        this.r = r;
    }

    void read() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                if (OaiPageParser.OAI_NS.equals(r.getNamespaceURI()) && "header".equals(r.getLocalName())) {
                    header();
                } else if (OaiPageParser.ARXIV_NS.equals(r.getNamespaceURI()) && "arXiv".equals(r.getLocalName())) {
                    metadata = arxiv();
                } else if (OaiPageParser.OAI_NS.equals(r.getNamespaceURI()) && "metadata".equals(r.getLocalName())) {
                    depth++;
                } else {
                    otherFormat = "{" + r.getNamespaceURI() + "}" + r.getLocalName();
                    Xml.skip(r);
                }
            }
        }
    }

    Paper paper() throws BadRecordException {
        if (metadata == null) {
            throw new BadRecordException(
                    otherFormat == null
                            ? "no <metadata> element"
                            : "metadata is not in the arXiv format: found " + otherFormat);
        }
        return metadata.toPaper();
    }

    private void header() throws XMLStreamException {
        deleted = "deleted".equals(r.getAttributeValue(null, "status"));
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (r.getLocalName()) {
                case "identifier" -> identifier = Xml.text(r).strip();
                case "datestamp" -> datestamp = Xml.text(r).strip();
                default -> Xml.skip(r);
            }
        }
    }

    private ArxivMetadata arxiv() throws XMLStreamException {
        ArxivMetadata m = new ArxivMetadata();
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if ("authors".equals(r.getLocalName())) {
                authors(m);
            } else {
                m.field(r.getLocalName(), Xml.text(r));
            }
        }
        return m;
    }

    private void authors(ArxivMetadata m) throws XMLStreamException {
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!"author".equals(r.getLocalName())) {
                Xml.skip(r);
                continue;
            }
            String keyname = null;
            String forenames = null;
            String suffix = null;
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "keyname" -> keyname = Xml.text(r);
                    case "forenames" -> forenames = Xml.text(r);
                    case "suffix" -> suffix = Xml.text(r);
                    default -> Xml.skip(r);
                }
            }
            m.author(keyname, forenames, suffix);
        }
    }
}
