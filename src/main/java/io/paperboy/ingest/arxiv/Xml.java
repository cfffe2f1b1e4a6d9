package io.paperboy.ingest.arxiv;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** StAX helpers that tolerate markup where text was expected. */
final class Xml {
    private Xml() {}

    /**
     * {@code body} decoded as strict UTF-8, which OAI-PMH requires and arXiv's API sends. Decoding
     * here rather than in the parser turns bad bytes into an exception without the JDK parser
     * also printing "[Fatal Error]" to stderr.
     */
    static Reader utf8(InputStream body) {
        return new InputStreamReader(
                body,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /**
     * The text of the element {@code r} is on, nested elements' text included, leaving {@code r}
     * on its end tag; unlike {@code getElementText} it does not fail on an unexpected child.
     */
    static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    text.append(r.getText());
                default -> {}
            }
        }
        return text.toString();
    }

    /** Skips the element {@code r} is on, leaving it on its end tag. */
    static void skip(XMLStreamReader r) throws XMLStreamException {
        text(r);
    }
}
